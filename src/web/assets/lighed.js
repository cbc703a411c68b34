// Progressive enhancement only: every page works without this file.
// Focus the error summary after a failed submit, as the GOV.UK pattern does (on every page
// with one, so before anything below that may return early).
(function () {
  var summary = document.querySelector('.lighed-error-summary');
  if (summary) summary.focus();
})();
// "Use my position" on the finder: fills the hidden lat/lon fields and submits.
(function () {
  var box = document.querySelector('.lighed-position');
  if (!box || !('geolocation' in navigator)) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-secondary';
  button.textContent = box.getAttribute('data-position-label');
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  box.appendChild(button);
  box.appendChild(status);
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        box.querySelector('input[name=lat]').value = pos.coords.latitude.toFixed(5);
        box.querySelector('input[name=lon]').value = pos.coords.longitude.toFixed(5);
        var postcode = document.querySelector('input[name=postnummer]');
        if (postcode) postcode.value = '';
        box.closest('form').submit();
      },
      function () {
        status.textContent = box.getAttribute('data-position-error');
      },
      { timeout: 10000, maximumAge: 600000 },
    );
  });
})();
// The receipt's print button: shown only where it can work; the hint beside it says how to
// print without JavaScript.
(function () {
  var button = document.querySelector('.lighed-print');
  if (!button || typeof window.print !== 'function') return;
  button.hidden = false;
  var hint = document.querySelector('.lighed-print-hint');
  if (hint) hint.hidden = true;
  button.addEventListener('click', function () {
    window.print();
  });
})();
