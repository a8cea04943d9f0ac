/** The fixes of the Calico dialect, keyed by finding code. */
import type { FixHooks } from '../../../analysis/fixes/fix';
import { calicoDnsFix } from './calico-dns-fix';

export const calicoFixes: FixHooks = {
  quickFixes: {
    'calico/egress-without-dns': [calicoDnsFix],
  },
};
