/**
 * GET /fhir/metadata: what this server does, as a FHIR R4 CapabilityStatement. The security
 * part names OAuth 2.0 client credentials with the token endpoint in the SMART "oauth-uris"
 * extension, which is where FHIR clients look for it.
 */
import { TASK_STATUS_SEARCH_NOTE } from './vocabulary.ts';

export const FHIR_VERSION = '4.0.1';

export function capabilityStatement(opts: { baseUrl: string; date: string; kommune: string }) {
  const tokenUrl = new URL('/oauth/token', opts.baseUrl).toString();
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.date,
    publisher: 'Lighed',
    kind: 'instance',
    software: { name: 'Lighed' },
    implementation: {
      description: `Lighed FHIR API, municipality ${opts.kommune}: referrals to municipal prevention offers and their closing notes`,
      url: opts.baseUrl,
    },
    fhirVersion: FHIR_VERSION,
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Referrals follow the HL7 SDOH Clinical Care referral pattern (ServiceRequest + Task). ' +
          'POST a transaction Bundle of Patient, ServiceRequest and Task to the base; read and poll Tasks; ' +
          'a provider updates Task.status (and statusReason, output) with PUT and If-Match. ' +
          'Other elements of a PUT Task are not changed.',
        security: {
          cors: false,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'OAuth',
                  display: 'OAuth',
                },
              ],
              text: 'OAuth 2.0 client credentials (RFC 6749 §4.4), HTTP Basic client authentication; Bearer tokens (RFC 6750)',
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: tokenUrl }],
            },
          ],
          description: `Get a token at ${tokenUrl} with grant_type=client_credentials; send it as "Authorization: Bearer <token>".`,
        },
        resource: [
          {
            type: 'HealthcareService',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              {
                name: 'name',
                definition: 'http://hl7.org/fhir/SearchParameter/HealthcareService-name',
                type: 'string',
              },
              {
                name: 'service-category',
                definition:
                  'http://hl7.org/fhir/SearchParameter/HealthcareService-service-category',
                type: 'token',
              },
            ],
          },
          ...(['Patient', 'ServiceRequest'] as const).map((type) => ({
            type,
            documentation:
              'Created only inside the referral transaction Bundle (POST to the base).',
            interaction: [{ code: 'create' }],
          })),
          {
            type: 'Task',
            supportedProfile: [
              'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement',
            ],
            interaction: [{ code: 'read' }, { code: 'update' }, { code: 'search-type' }],
            versioning: 'versioned-update',
            readHistory: false,
            updateCreate: false,
            conditionalCreate: true,
            conditionalUpdate: false,
            conditionalDelete: 'not-supported',
            searchParam: [
              {
                name: 'status',
                definition: 'http://hl7.org/fhir/SearchParameter/Task-status',
                type: 'token',
                documentation: TASK_STATUS_SEARCH_NOTE,
              },
              {
                name: '_lastUpdated',
                definition: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
                type: 'date',
              },
            ],
          },
        ],
        interaction: [{ code: 'transaction' }],
      },
    ],
  };
}
