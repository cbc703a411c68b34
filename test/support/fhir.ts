/** A referral as an EHR system sends it to the FHIR API (src/fhir): the SDOH Clinical Care pattern. */
import {
  CPR_SYSTEM,
  INTERPRETER_EXTENSION,
  NEED_SYSTEM,
  TASK_CODE_SYSTEM,
  TOPIC_SYSTEM,
} from '../../src/fhir/vocabulary.ts';

/** A referral Bundle as an EHR would send it (SDOH Clinical Care pattern). */
export function referralBundle(o: { identifier: string; service: string; cpr?: string }) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'Patient',
          identifier: o.cpr ? [{ system: CPR_SYSTEM, value: o.cpr }] : [],
          name: [{ use: 'official', family: 'Haddad', given: ['Amal'] }],
          birthDate: '1971-03-04',
          gender: 'female',
          telecom: [{ system: 'phone', value: '20 30 40 50' }],
          address: [{ line: ['Algade 1'], postalCode: '4000', city: 'Roskilde' }],
          communication: [
            { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'ar' }] }, preferred: true },
          ],
          extension: [{ url: INTERPRETER_EXTENSION, valueBoolean: true }],
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000002',
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          subject: { reference: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000001' },
          performer: [{ reference: `HealthcareService/${o.service}` }],
          reasonCode: [
            { coding: [{ system: TOPIC_SYSTEM, code: 'physical_activity' }] },
            { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }] },
          ],
          orderDetail: [{ coding: [{ system: NEED_SYSTEM, code: 'handHeld' }] }],
          note: [{ text: 'Ønsker hjælp til at komme i gang.' }],
          authoredOn: '2026-12-01T09:00:00+01:00',
        },
        request: { method: 'POST', url: 'ServiceRequest' },
      },
      {
        fullUrl: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000003',
        resource: {
          resourceType: 'Task',
          status: 'requested',
          intent: 'order',
          code: { coding: [{ system: TASK_CODE_SYSTEM, code: 'fulfill' }] },
          focus: { reference: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000002' },
          for: { reference: 'urn:uuid:6b1f0a9e-0000-4000-8000-000000000001' },
          identifier: [{ system: 'urn:oid:1.2.208.176.1.99', value: o.identifier }],
        },
        request: {
          method: 'POST',
          url: 'Task',
          ifNoneExist: `identifier=urn:oid:1.2.208.176.1.99|${o.identifier}`,
        },
      },
    ],
  };
}
