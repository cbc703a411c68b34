/** Staff pages for organisations (providers) and their places: the list and the two forms. */
import { Checkbox, FormPage, Select, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import type { Translate } from '../../web/i18n.ts';
import { ORGANIZATION_KINDS, type Location, type Organization } from '../offer.ts';
import type { OrganizationFormState, PlaceFormState } from '../organization-form.ts';

const back = (t: Translate) => ({ href: '/personale/organisationer', label: t('offerForm.back') });

export function OrganizationsPage({
  ctx,
  organizations,
  locations,
  canCreate,
}: {
  ctx: PageContext;
  organizations: Organization[];
  locations: Location[];
  /** Only the municipality's own staff add organisations. */
  canCreate: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('orgs.title')} area="staff">
      <h1>{t('orgs.title')}</h1>
      {canCreate && (
        <p>
          <a class="button button-secondary" href="/personale/organisationer/ny">
            {t('orgs.new')}
          </a>
        </p>
      )}
      <DataTable
        caption={t('orgs.title')}
        hiddenCaption
        columns={[t('orgs.col.name'), t('orgs.col.kind'), t('orgs.col.contact')]}
        rows={organizations}
        cells={(o) => [
          <>
            <a href={`/personale/organisationer/${o.id}`}>{o.name}</a>
            {o.status === 'retired' ? ` (${t('status.retired')})` : ''}
          </>,
          t(`orgKind.${o.kind}`),
          [o.email, o.phone].filter(Boolean).join(' · '),
        ]}
      />
      <h2>{t('places.title')}</h2>
      <p>
        <a class="button button-secondary" href="/personale/steder/ny">
          {t('places.new')}
        </a>
      </p>
      <ul>
        {locations.map((l) => (
          <li>
            <a href={`/personale/steder/${l.id}`}>{l.name}</a>, {l.address_1}, {l.postal_code}{' '}
            {l.city}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function OrganizationFormPage({
  ctx,
  id,
  values,
  problems,
}: OrganizationFormState & { ctx: PageContext }) {
  const { t } = ctx;
  const title = id ? t('orgForm.editTitle', { name: values.name ?? '' }) : t('orgs.new');
  const f = { problems, t };
  return (
    <FormPage
      ctx={ctx}
      title={title}
      area="staff"
      back={back(t)}
      problems={problems}
      action={id ? `/personale/organisationer/${id}` : '/personale/organisationer/ny'}
    >
      <TextField name="name" label={t('orgs.col.name')} value={values.name ?? ''} {...f} />
      <TextField
        name="description"
        label={t('offerForm.description')}
        value={values.description ?? ''}
        multiline
        {...f}
      />
      <Select
        name="kind"
        label={t('orgs.col.kind')}
        value={values.kind ?? ''}
        options={[
          { value: '', label: t('offerForm.choose') },
          ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
        ]}
        {...f}
      />
      <TextField
        name="email"
        label={t('offerForm.contactEmail')}
        value={values.email ?? ''}
        type="email"
        {...f}
      />
      <TextField
        name="phone"
        label={t('offerForm.contactPhone')}
        value={values.phone ?? ''}
        type="tel"
        {...f}
      />
      <TextField
        name="website"
        label={t('offerForm.url')}
        value={values.website ?? ''}
        type="url"
        {...f}
      />
      <Select
        name="status"
        label={t('offerForm.status')}
        value={values.status ?? 'active'}
        options={[
          { value: 'active', label: t('orgForm.active') },
          { value: 'retired', label: t('status.retired') },
        ]}
        {...f}
      />
      <SubmitButton>{t('offerForm.save')}</SubmitButton>
    </FormPage>
  );
}

export function PlaceFormPage({
  ctx,
  id,
  values,
  problems,
  organizations,
}: PlaceFormState & { ctx: PageContext }) {
  const { t } = ctx;
  const title = id ? t('places.editTitle', { name: values.name ?? '' }) : t('places.new');
  const f = { problems, t };
  return (
    <FormPage
      ctx={ctx}
      title={title}
      area="staff"
      back={back(t)}
      problems={problems}
      action={id ? `/personale/steder/${id}` : '/personale/steder/ny'}
    >
      <Select
        name="organization_id"
        label={t('offerForm.organization')}
        value={values.organization_id ?? ''}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        {...f}
      />
      <TextField name="name" label={t('places.name')} value={values.name ?? ''} {...f} />
      <TextField
        name="address_1"
        label={t('places.address')}
        value={values.address_1 ?? ''}
        autocomplete="street-address"
        {...f}
      />
      <TextField
        name="postal_code"
        label={t('finder.postnummer')}
        value={values.postal_code ?? ''}
        inputmode="numeric"
        width="s"
        {...f}
      />
      <TextField name="city" label={t('places.city')} value={values.city ?? ''} {...f} />
      <TextField
        name="latitude"
        label={t('places.latitude')}
        hint={t('places.coordinatesHint')}
        value={values.latitude ?? ''}
        width="m"
        {...f}
      />
      <TextField
        name="longitude"
        label={t('places.longitude')}
        value={values.longitude ?? ''}
        width="m"
        {...f}
      />
      <Checkbox
        name="wheelchair_accessible"
        label={t('flag.wheelchair_accessible')}
        checked={values.wheelchair_accessible === 'ja'}
        {...f}
      />
      <TextField
        name="accessibility_note"
        label={t('places.accessibilityNote')}
        value={values.accessibility_note ?? ''}
        {...f}
      />
      <TextField
        name="transport_note"
        label={t('places.transportNote')}
        hint={t('places.transportHint')}
        value={values.transport_note ?? ''}
        {...f}
      />
      <SubmitButton>{t('offerForm.save')}</SubmitButton>
    </FormPage>
  );
}
