/**
 * The open API's reference page (/api), drawn from the served OpenAPI document so the two cannot
 * disagree: each endpoint with its parameters, responses and an example answer. Danish and
 * English; plain HTML, no script.
 */
import { Layout, type PageContext } from '../../web/layout.tsx';
import { OPENAPI_PATH } from '../api.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string | string[]; pattern?: string };
}
interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: Parameter[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { example?: unknown; schema?: unknown }> }
  >;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const LANGUAGES = ['da', 'en'] as const;

const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

export function ReferencePage({ ctx, doc }: { ctx: PageContext; doc: OpenApiDocument }) {
  const { t } = ctx;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const title = t('api.reference.title');
  return (
    <Layout ctx={ctx} title={title} area="citizen" wide languages={LANGUAGES}>
      <h1>{title}</h1>
      <p class="font-lead">{t('api.reference.lead')}</p>
      <ul>
        <li>{t('api.reference.open')}</li>
        <li>{t('api.reference.kommune')}</li>
        <li>{t('api.reference.suppressed')}</li>
        <li>{t('api.reference.rounding')}</li>
        <li>{t('api.reference.errors')}</li>
        <li>{t('api.reference.limits')}</li>
      </ul>
      <p>
        <a href={OPENAPI_PATH}>{t('api.reference.document', { version: doc.openapi })}</a>
      </p>
      <nav aria-labelledby="api-endpoints">
        <h2 id="api-endpoints">{t('api.reference.endpoints')}</h2>
        <ul>
          {ops.map(({ path, method }) => (
            <li>
              <a href={`#${slug(path)}`}>
                <code>
                  {method} {path}
                </code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {ops.map(({ path, method, op }) => (
        <Endpoint ctx={ctx} path={path} method={method} op={op} />
      ))}
    </Layout>
  );
}

function Endpoint(props: { ctx: PageContext; path: string; method: string; op: Operation }) {
  const { ctx, path, method, op } = props;
  const { t } = ctx;
  const id = slug(path);
  const params = op.parameters ?? [];
  const ok = op.responses?.['200']?.content?.['application/json'];
  const codes = Object.keys(op.responses ?? {});
  return (
    <section aria-labelledby={id} class="lighed-api-endpoint">
      <h2 id={id}>
        <code>
          {method} {path}
        </code>
      </h2>
      <p>{t(`api.op.${op.operationId ?? 'unknown'}`)}</p>
      {/* A long pattern cannot wrap: on a phone the table scrolls in its own region. */}
      <div
        class="lighed-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`${id}-parameters`}
      >
        <table class="table table--compact">
          <caption id={`${id}-parameters`}>
            {t('api.reference.parameters', { title: path })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('api.reference.col.name')}</th>
              <th scope="col">{t('api.reference.col.required')}</th>
              <th scope="col">{t('api.reference.col.format')}</th>
              <th scope="col">{t('api.reference.col.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td>{p.required ? t('api.reference.yes') : t('api.reference.no')}</td>
                <td>
                  <code>{p.schema?.pattern ?? String(p.schema?.type ?? '')}</code>
                </td>
                <td>{t(`api.param.${p.name}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('api.reference.responses')}</h3>
      <ul>
        {codes.map((c) => (
          <li>
            <code>{c}</code> {t(`api.status.${c}`)}
          </li>
        ))}
      </ul>
      {ok?.example !== undefined && (
        <>
          <h3 id={`${id}-example`}>{t('api.reference.example')}</h3>
          <pre
            class="lighed-api-example"
            tabIndex={0}
            role="region"
            aria-labelledby={`${id}-example`}
          >
            <code>{JSON.stringify(ok.example, null, 2)}</code>
          </pre>
        </>
      )}
    </section>
  );
}
