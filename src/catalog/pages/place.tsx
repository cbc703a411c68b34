/** A place an offer meets at, as the offer page and the receipt show it. */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../web/layout.tsx';
import { danishAttrs } from '../../web/present.ts';
import type { Location } from '../offer.ts';

/** Name, address and how to get there; `children` adds what the page needs below. */
export function PlaceBlock({
  ctx,
  place,
  children,
}: {
  ctx: PageContext;
  place: Location;
  children?: ComponentChildren;
}) {
  const { t, lang } = ctx;
  const da = danishAttrs(lang);
  return (
    <div class="lighed-location">
      <h3 class="h4" {...da}>
        {place.name}
      </h3>
      {/* An address is Danish and left to right in every language ("4000 Roskilde"). */}
      <p lang="da" dir="ltr">
        {place.address_1}
        <br />
        {place.postal_code} {place.city}
      </p>
      {place.transport_note && (
        <p>
          <strong>{t('offer.gettingThere')}</strong> <span {...da}>{place.transport_note}</span>
        </p>
      )}
      {children}
    </div>
  );
}
