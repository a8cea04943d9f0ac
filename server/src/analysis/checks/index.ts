/** The registry of NetworkPolicy checks, run in this order. Add a check here. */
import type { PolicyCheck } from './check';
import { requiredFieldsCheck } from './required-fields';

export const POLICY_CHECKS: readonly PolicyCheck[] = [requiredFieldsCheck];
