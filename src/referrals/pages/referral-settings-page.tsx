/** The municipality's referral settings (admin): answer time in working days, closed days, team. */
import type { FieldProblem } from '../../platform/errors.ts';
import { Checkbox, FormPage, Select, SubmitButton, TextField } from '../../web/form.tsx';
import type { PageContext } from '../../web/layout.tsx';
import type { SettingsForm, SettingsScreen } from '../web.service.ts';
import { STAFF_LANGUAGES } from './present.ts';

export function ReferralSettingsPage(props: {
  ctx: PageContext;
  screen: SettingsScreen;
  form?: SettingsForm;
  problems: readonly FieldProblem[];
  saved: boolean;
}) {
  const { ctx, screen, problems } = props;
  const { t } = ctx;
  const r = screen.settings.rules;
  const f: SettingsForm = props.form ?? {
    answerDays: String(r.answerDays),
    grundlovsdagClosed: r.grundlovsdagClosed,
    christmasEveClosed: r.christmasEveClosed,
    newYearsEveClosed: r.newYearsEveClosed,
    afklarendeTeamId: screen.settings.afklarendeTeamId ?? '',
  };
  const box = (name: keyof SettingsForm) => (
    <Checkbox
      name={name}
      label={t(`referral.settings.${name}`)}
      checked={Boolean(f[name])}
      problems={problems}
      t={t}
    />
  );
  return (
    <FormPage
      ctx={ctx}
      title={t('referral.settings.title')}
      area="staff"
      languages={STAFF_LANGUAGES}
      back={{ href: '/personale/henvisninger', label: t('referral.detail.back') }}
      lead={
        props.saved ? (
          <div class="alert alert-success" role="status">
            <div class="alert-body">
              <p class="alert-text">{t('referral.notice.saved')}</p>
            </div>
          </div>
        ) : (
          <p>{t('referral.settings.lead')}</p>
        )
      }
      problems={problems}
      action="/personale/henvisninger/indstillinger"
    >
      <TextField
        name="answerDays"
        label={t('referral.settings.answerDays')}
        hint={t('referral.settings.answerDaysHint')}
        value={f.answerDays}
        type="number"
        width="xs"
        problems={problems}
        t={t}
      />
      <h2>{t('referral.settings.closedDays')}</h2>
      <p>{t('referral.settings.closedDaysLead')}</p>
      {box('grundlovsdagClosed')}
      {box('christmasEveClosed')}
      {box('newYearsEveClosed')}
      <Select
        name="afklarendeTeamId"
        label={t('referral.settings.afklarendeTeamId')}
        value={f.afklarendeTeamId}
        options={[
          { value: '', label: t('referral.settings.noTeam') },
          ...screen.teams.map((x) => ({ value: x.id, label: x.name })),
        ]}
        problems={problems}
        t={t}
      />
      <SubmitButton>{t('referral.settings.submit')}</SubmitButton>
    </FormPage>
  );
}
