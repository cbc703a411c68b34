/**
 * The staff pages' table: DKFDS zebra stripes, a caption (visible, or for screen readers
 * only), column headers with scope, one row per record. Pages give the cells; the table gives
 * the markup every staff list shares.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export function DataTable<T>(props: {
  caption: ComponentChildren;
  /** The caption for screen readers only, when a heading above already says it. */
  hiddenCaption?: boolean;
  class?: string;
  columns: readonly ComponentChildren[];
  rows: readonly T[];
  cells: (row: T) => readonly ComponentChildren[];
}) {
  const captionId = useId();
  // A wide table scrolls inside its own region on a phone instead of widening the page; the
  // region is focusable so keyboard users can scroll it too (WCAG 2.1.1).
  return (
    <div class="lighed-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table class={`table table--zebra${props.class ? ` ${props.class}` : ''}`}>
        <caption id={captionId} class={props.hiddenCaption ? 'sr-only' : undefined}>
          {props.caption}
        </caption>
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
    </div>
  );
}
