/**
 * The setup every browser test file of the panel shares: one Chromium and one
 * PanelServer per describe block, started before its tests and closed after them,
 * and pages opened against the two with a FakeHost answering the webview.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import type { FakeHost } from './fake-host';
import { PanelPage, PanelServer, type OpenOptions } from './panel-page';

export interface PanelSuite {
  /** A new page of the panel, opened as PanelPage.open does. */
  open(options?: OpenOptions): Promise<PanelPage>;
  /** A new page answered by `host`, once it has drawn its first matrix cells. */
  openDrawn(host: FakeHost, options?: Omit<OpenOptions, 'onMessage'>): Promise<PanelPage>;
}

/** Call it inside describe(): it registers the block's before and after hooks. */
export function panelSuite(): PanelSuite {
  let browser: Browser | undefined;
  let server: PanelServer | undefined;
  before(async () => {
    browser = await launchChromium();
    server = await PanelServer.start();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const open = (options: OpenOptions = {}): Promise<PanelPage> => {
    if (!browser || !server) throw new Error('panelSuite: a page was opened outside the suite\'s tests');
    return PanelPage.open(browser, server, { recordCanvas: true, ...options });
  };
  return {
    open,
    async openDrawn(host, options = {}) {
      const panel = await open({ ...options, onMessage: host.onMessage });
      await panel.waitForRender((r) => r.cells.length > 0);
      return panel;
    },
  };
}
