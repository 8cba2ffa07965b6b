/** GraphQL documents and inputs for registry tests (API and browser). */
export const REGISTER_FAMILY = `mutation($i: RegisterFamilyInput!) { registerFamily(input: $i) {
  family { id registryNumber kkMasked headName status kelurahan { code name } members { id name nikMasked sex birthDate eligible age } openDuplicateFlags { id kind } }
  warnings { code field message } userErrors { code field message } } }`;

export const FAMILY_LIST = `query($first: Int, $search: String, $kelurahanCode: String, $status: FamilyStatus) {
  families(first: $first, search: $search, kelurahanCode: $kelurahanCode, status: $status) { totalCount
    nodes { id registryNumber kkMasked headName desil status kelurahan { name } eligibleWomen members { name nikMasked eligible } openDuplicateFlags { id } } } }`;

export const REVEAL = `mutation($i: RevealFamilyIdentityInput!) { revealFamilyIdentity(input: $i) { identity { familyId kk members { memberId name nik } } userErrors { code message } } }`;

let serial = 0;
/** A valid KK for tests: Kota Kupang district 02, issue date 10-04-23, a fresh serial. */
export const testKk = (n = ++serial) => `537102100423${String(n).padStart(4, '0')}`;
/** A valid NIK: born `date` (YYYY-MM-DD), day + 40 for women. */
export function testNik(date: string, sex: 'F' | 'M', n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `537104${String(d + (sex === 'F' ? 40 : 0)).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(n).padStart(4, '0')}`;
}

export function familyInput(kk: string, n: number, overrides: Record<string, unknown> = {}) {
  return {
    kk,
    headName: `Yohanis Tefa ${n}`,
    address: `Jl. Timor Raya No. ${n}, RT 0${n % 9 + 1}/RW 02`,
    kelurahanCode: '53.71.02.1004',
    desil: 1,
    dataSource: 'DTSEN',
    skNumber: 'SK Wali Kota 188.45/KEP/123/2025',
    phase: 1,
    consentGiven: true,
    consentMethod: 'formulir tertulis',
    members: [
      { name: `Yohanis Tefa ${n}`, nik: testNik('1980-06-10', 'M', n), birthDate: '1980-06-10', sex: 'MALE', relation: 'HEAD' },
      { name: `Maria Tefa ${n}`, nik: testNik('1984-03-02', 'F', n), birthDate: '1984-03-02', sex: 'FEMALE', relation: 'SPOUSE' },
      { name: `Agustina Tefa ${n}`, birthDate: '2016-11-15', sex: 'FEMALE', relation: 'CHILD', inSchool: true },
    ],
    ...overrides,
  };
}
