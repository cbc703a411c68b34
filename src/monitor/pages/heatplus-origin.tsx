/** The notice on every monitor page of a HEAT Plus dataset (pages/picker.tsx SyntheticNotice). */
import type { PageContext } from '../../web/layout.tsx';

/**
 * Where a dataset's figures come from, on every monitor page of a HEAT Plus dataset: the file,
 * its source, and how the figures, intervals, suppression and measures were found.
 */
export function HeatPlusOrigin(props: { t: PageContext['t']; fileName: string; source: string }) {
  const { t } = props;
  return (
    <div class="alert alert-info" role="note">
      <div class="alert-body">
        <p class="alert-heading">
          {t('monitor.heatplusData.origin', { file: props.fileName, source: props.source })}
        </p>
        <p class="alert-text">{t('monitor.heatplusData.method')}</p>
      </div>
    </div>
  );
}
