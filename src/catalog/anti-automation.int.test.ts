/**
 * Anti-automation on the public forms (decision 0010): sign-ups and error reports limited per
 * address and per offer, and a honeypot field; a refusal stores nothing and keeps the form.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';

/** A browser at one address: fetches the form once for its CSRF token, then posts. */
async function browser(app: FastifyInstance, ip: string, formUrl: string) {
  const page = await app.inject({ method: 'GET', url: formUrl, remoteAddress: ip });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = (page.cookies as { name: string; value: string }[])
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return {
    page,
    post: (fields: Record<string, string>): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url: formUrl,
        remoteAddress: ip,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      }),
  };
}

const signup = (name: string) => ({
  name,
  phone: '12345678',
  preferred_language: 'da',
  consent: 'ja',
});

eachEngine('anti-automation on public forms', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  let strengthId: string;
  const stored = async (namePrefix: string) =>
    (
      await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ n: number }>(`select count(*)::int as n from signup where name like $1`, [
          `${namePrefix}%`,
        ]),
      )
    )[0]!.n;

  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
    const [row] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>(`select id from offer where title = 'Styrketræning i Viby'`),
    );
    strengthId = row!.id;
  });

  it('puts a honeypot on the sign-up and error report forms, out of sight and tab order', async () => {
    for (const url of [`/tilbud/${fx.walkId}/tilmeld`, `/tilbud/${fx.walkId}/fejl`]) {
      const res = await app.inject(url);
      expect(res.body).toMatch(
        /<div class="sr-only"><label for="f-lighed_hp">Lad dette felt stå tomt\. [^<]*<\/label><input type="text" id="f-lighed_hp" name="lighed_hp" value autocomplete="off" tabindex="-1"\/><\/div>/,
      );
    }
  });

  it('takes 10 quick sign-ups from one client, then refuses in the reader’s language, storing nothing', async () => {
    const b = await browser(app, '10.20.0.1', `/tilbud/${fx.walkId}/tilmeld`);
    const res: LightMyRequestResponse[] = [];
    for (let i = 0; i < 30; i++) res.push(await b.post(signup(`Robot Hurtig ${i}`)));
    expect(res.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(303));
    expect(res.slice(10).every((r) => r.statusCode === 429)).toBe(true);
    expect(await stored('Robot Hurtig')).toBe(10);
    const refused = res[29]!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(590);
    expect(refused.body).toContain('Der er sendt mange formularer på kort tid');
    expect(refused.body).toContain('href="#f-form-retry"');
    expect(refused.body).toContain('id="f-form-retry"');
    // What was typed is still in the form.
    expect(refused.body).toContain('value="Robot Hurtig 29"');
    expect(refused.body).toContain('value="12345678"');

    const en = await app.inject({
      method: 'GET',
      url: `/tilbud/${fx.walkId}/tilmeld?lang=en`,
      remoteAddress: '10.20.0.1',
    });
    expect(en.statusCode).toBe(200);
  });

  it('limits sign-ups per offer across addresses', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const b = await browser(app, `10.21.0.${i + 1}`, `/tilbud/${strengthId}/tilmeld`);
      codes.push((await b.post(signup(`Mange Adresser ${i}`))).statusCode);
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(303));
    expect(codes[30]).toBe(429);
    expect(await stored('Mange Adresser')).toBe(30);
  });

  it('refuses a filled honeypot without storing, and takes the form sent again', async () => {
    const b = await browser(app, '10.22.0.1', `/tilbud/${fx.walkId}/tilmeld`);
    const res = await b.post({ ...signup('Honning Fælde'), lighed_hp: 'http://spam.example' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Formularen blev ikke sendt');
    expect(res.body).toContain('value="Honning Fælde"');
    expect(res.body).not.toContain('spam.example');
    expect(await stored('Honning Fælde')).toBe(0);
    expect((await b.post(signup('Honning Fælde'))).statusCode).toBe(303);
    expect(await stored('Honning Fælde')).toBe(1);
  });

  it('does not count a form sent back for a correction', async () => {
    const b = await browser(app, '10.23.0.1', `/tilbud/${fx.walkId}/tilmeld`);
    for (let i = 0; i < 15; i++)
      expect((await b.post({ ...signup('Retter Fejl'), phone: '12' })).statusCode).toBe(400);
    expect((await b.post(signup('Retter Fejl'))).statusCode).toBe(303);
  });

  it('limits error reports per address and refuses a filled honeypot', async () => {
    const url = `/tilbud/${fx.walkId}/fejl`;
    const count = async () =>
      (
        await inTenant(ctx.db, '0265', (tx) =>
          tx.query<{ n: number }>(
            `select count(*)::int as n from error_report where message like 'Robotfejl%'`,
          ),
        )
      )[0]!.n;
    const trap = await browser(app, '10.24.0.9', url);
    const caught = await trap.post({ message: 'Robotfejl fanget', lighed_hp: 'x' });
    expect(caught.statusCode).toBe(400);
    expect(await count()).toBe(0);

    const b = await browser(app, '10.24.0.1', url);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await b.post({ message: `Robotfejl nummer ${i}` })).statusCode);
    expect(codes).toEqual([303, 303, 303, 303, 303, 429, 429]);
    expect(await count()).toBe(5);
  });
});
