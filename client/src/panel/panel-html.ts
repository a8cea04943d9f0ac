/**
 * The panel's HTML: one script and two stylesheets from the extension's
 * dist/webview folder, under a Content-Security-Policy that allows nothing else
 * (no inline code, no eval, no network, no workers). Pure, so the browser tests
 * load the very same page.
 */
import { randomBytes } from 'node:crypto';

export interface PanelHtmlParts {
  /** The webview's `cspSource`: the origin its local resources are served from. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconUri: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}

export function panelHtml(parts: PanelHtmlParts): string {
  const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.codiconUri)}">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>Reachability</title>
</head>
<body>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>`;
}
