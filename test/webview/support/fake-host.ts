/**
 * The extension host's side of the conversation, for browser tests: answers
 * `ready`, `explain`, `setPorts`, `setWhatIf` and `setFocus` from ReachData, as
 * client/src/panel/panel-session.ts answers them from the language server.
 */
import type { PortFilterDto, TextPosition } from '../../../server/src/protocol';
import type { WebviewMessage } from '../../../client/src/webview-protocol';
import type { PanelPage } from './panel-page';
import type { ReachData } from './reach-data';

export interface FakeHostOptions {
  /** The buffers; what the panel shows. */
  readonly data: ReachData;
  /** The saved files, for what-if (defaults to `data`: nothing unsaved). */
  readonly saved?: ReachData;
  readonly unsaved?: readonly string[];
  /** The cursor the focus follows. */
  readonly cursor?: { readonly uri: string; readonly position: TextPosition };
}

export class FakeHost {
  private ports: PortFilterDto | undefined;
  private whatIf = false;
  private focus: 'off' | 'cursor' = 'off';

  constructor(private options: FakeHostOptions) {}

  /** Replaces the data (a live edit) and sends what the host sends after an index change. */
  async update(panel: PanelPage, options: Partial<FakeHostOptions>): Promise<void> {
    this.options = { ...this.options, ...options };
    await this.sendAll(panel);
  }

  readonly onMessage = async (message: WebviewMessage, panel: PanelPage): Promise<void> => {
    switch (message.type) {
      case 'ready':
        this.ports = message.ports ?? undefined;
        this.whatIf = message.state.whatIf;
        this.focus = message.state.focus;
        return this.sendAll(panel);
      case 'explain':
        return panel.send({ type: 'trace', src: message.src, dst: message.dst, result: this.options.data.explain(message.src, message.dst) });
      case 'setPorts':
        this.ports = message.ports ?? undefined;
        return this.sendAll(panel);
      case 'setWhatIf':
        this.whatIf = message.enabled;
        return this.sendWhatIf(panel);
      case 'setFocus':
        this.focus = message.mode;
        return this.sendFocus(panel);
      default:
        return undefined;
    }
  };

  private async sendAll(panel: PanelPage): Promise<void> {
    await panel.send({ type: 'matrix', matrix: this.options.data.matrix(this.ports) });
    await this.sendWhatIf(panel);
    await this.sendFocus(panel);
    await panel.send({ type: 'status', state: 'ready', message: '' });
  }

  private sendWhatIf(panel: PanelPage): Promise<void> {
    const { data, saved, unsaved } = this.options;
    return panel.send({ type: 'whatIf', result: this.whatIf ? data.whatIf(saved ?? data, unsaved ?? [], this.ports) : null });
  }

  private sendFocus(panel: PanelPage): Promise<void> {
    const cursor = this.options.cursor;
    return panel.send({ type: 'focus', mode: this.focus, result: this.focus === 'cursor' && cursor ? this.options.data.focus(cursor.uri, cursor.position) : null });
  }
}
