// Linking a case's place to a standard address (issue 14; server: PUT /api/v1/cases/:id/place-link, audited).
// The candidates come from the address matcher (POST /api/v1/community/addresses/match).
import type { Case } from './cases'
import { http } from './http'
import { matchAddress, type AddressMatch } from './people'

export const linkCasePlace = (caseId: number, addressId: string) =>
  http.put<Case>(`/cases/${caseId}/place-link`, { address_id: addressId })

export const matchPlace = (text: string): Promise<AddressMatch> => matchAddress(text)
