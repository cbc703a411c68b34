import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { formExamples } from './form.examples.tsx';
import { translator } from './i18n.ts';
import { TextField } from './form.tsx';

const t = translator('da');

describe('form components', () => {
  for (const { name, node } of formExamples(t)) {
    it(`renders ${name} with every control labelled`, () => {
      const html = render(node);
      for (const m of html.matchAll(/<(?:input|select|textarea)[^>]*\bid="([^"]+)"/g)) {
        expect(html, `control #${m[1]} has no label`).toContain(`for="${m[1]}"`);
      }
    });
  }

  it('repeats the error beside the field with a hidden prefix, and links the summary to it', () => {
    const html = formExamples(t)
      .map((e) => render(e.node))
      .join('');
    expect(html).toContain(
      '<span class="sr-only">Fejl: </span>Skriv dit telefonnummer med 8 cifre',
    );
    expect(html).toContain('href="#f-phone"');
    expect(html).toContain('aria-describedby="f-phone-hint f-phone-error"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('escapes what the user typed', () => {
    const html = render(
      <TextField name="q" label="Søg" value={'"><script>alert(1)</script>'} problems={[]} t={t} />,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;>&lt;script>alert(1)&lt;/script>"');
  });
});
