/**
 * The registry of NetworkPolicy checks, run in this order. Add a check here.
 * Errors first (what the API server or kubectl's strict validation rejects), then
 * warnings and hints (legal, but almost certainly not what was meant).
 */
import type { PolicyCheck } from './check';
import { allowAllCheck } from './allow-all-check';
import { dnsEgressCheck } from './dns-egress-check';
import { dnsTcpCheck } from './dns-tcp-check';
import { duplicateNameCheck } from './duplicate-name-check';
import { impliedIngressCheck } from './implied-ingress-check';
import { ipBlockCheck } from './ip-block-check';
import { metadataCheck } from './metadata-check';
import { metadataEndpointCheck } from './metadata-endpoint-check';
import { peerCheck } from './peer-check';
import { policyTypesCheck } from './policy-types-check';
import { portCheck } from './port-check';
import { requiredFieldsCheck } from './required-fields';
import { schemaCheck } from './schema-check';
import { selectorCheck } from './selector-check';
import { separatePeersCheck } from './separate-peers-check';
import { yaml11Check } from './yaml11-check';

export const POLICY_CHECKS: readonly PolicyCheck[] = [
  requiredFieldsCheck,
  schemaCheck,
  yaml11Check,
  metadataCheck,
  selectorCheck,
  peerCheck,
  ipBlockCheck,
  portCheck,
  policyTypesCheck,
  dnsEgressCheck,
  dnsTcpCheck,
  impliedIngressCheck,
  metadataEndpointCheck,
  separatePeersCheck,
  duplicateNameCheck,
  allowAllCheck,
];
