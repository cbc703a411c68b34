/** The staff's list of the offers they manage. */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { dateText } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import type { StaffOfferRow } from '../offer.store.ts';

export function StaffOffersPage({ ctx, offers }: { ctx: PageContext; offers: StaffOfferRow[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('staffOffers.title')} area="staff">
      <h1>{t('staffOffers.title')}</h1>
      <p>
        <a class="button button-primary" href="/personale/tilbud/ny">
          {t('staffOffers.new')}
        </a>{' '}
        {/* What citizens said about these offers (src/voice/). */}
        <a class="button button-secondary" href="/personale/stemme">
          {t('voice.staff.homeProvider')}
        </a>
      </p>
      <DataTable
        caption={t('staffOffers.title')}
        hiddenCaption
        columns={[
          t('staffOffers.col.title'),
          t('staffOffers.col.provider'),
          t('staffOffers.col.status'),
          t('staffOffers.col.confirmed'),
        ]}
        rows={offers}
        cells={(o) => [
          <a href={`/personale/tilbud/${o.id}`}>{o.title}</a>,
          o.organization_name,
          t(`status.${o.status}`),
          o.last_confirmed_at ? dateText(o.last_confirmed_at, lang) : '–',
        ]}
      />
    </Layout>
  );
}
