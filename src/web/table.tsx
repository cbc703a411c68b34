/**
 * The staff pages' table: DKFDS zebra stripes, a caption (visible, or for screen readers
 * only), column headers with scope, one row per record. Pages give the cells; the table gives
 * the markup every staff list shares.
 */
import type { ComponentChildren } from 'preact';

export function DataTable<T>(props: {
  caption: ComponentChildren;
  /** The caption for screen readers only, when a heading above already says it. */
  hiddenCaption?: boolean;
  class?: string;
  columns: readonly ComponentChildren[];
  rows: readonly T[];
  cells: (row: T) => readonly ComponentChildren[];
}) {
  return (
    <table class={`table table--zebra${props.class ? ` ${props.class}` : ''}`}>
      <caption class={props.hiddenCaption ? 'sr-only' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            {props.cells(r).map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
