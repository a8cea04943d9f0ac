/** Rendered cells as readable lines, for expected files a reviewer can check by eye. */
import type { RenderReport } from '../../../client/src/webview-protocol';

export function gridText(report: RenderReport): string {
  const lines = report.cells.map((c) => `${c.src} => ${c.dst} : ${c.status}\n    ${c.label}`);
  return `rows: ${report.rows.join(', ')}\ncols: ${report.cols.join(', ')}\n\n${lines.join('\n')}\n`;
}

/** The status the panel shows for one pair, from the last report. */
export function statusOf(report: RenderReport, src: string, dst: string): string | undefined {
  return report.cells.find((c) => c.src === src && c.dst === dst)?.status;
}
