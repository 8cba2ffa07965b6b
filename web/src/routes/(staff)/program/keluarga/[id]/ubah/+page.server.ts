import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyDataSource, FamilyStatus } from '$lib/server/gql/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

/** Editing a family: its record, a new KK (the old one stays in the history), pausing or ending it with a reason. */
const FAMILY = graphql(`
  query FamilyEdit($id: ID!) {
    family(id: $id) {
      id registryNumber kkMasked headName address desil dataSource verifiedAt skNumber phase status statusReason consentWithdrawnAt
      kelurahan { code name }
    }
    registrationKelurahan { code name }
  }
`);
const UPDATE = graphql(`mutation UpdateFamily($input: UpdateFamilyInput!) { updateFamily(input: $input) { family { id } userErrors { code field message } } }`);
const CHANGE_KK = graphql(`mutation ChangeFamilyKk($input: ChangeFamilyKkInput!) { changeFamilyKk(input: $input) { family { id } userErrors { code field message } } }`);
const SET_STATUS = graphql(`mutation SetFamilyStatus($input: SetFamilyStatusInput!) { setFamilyStatus(input: $input) { family { id } userErrors { code field message } } }`);

const STATUSES: FamilyStatus[] = ['ACTIVE', 'PAUSED', 'EXITED'];
/** A whole number from a form field, '' as null; anything else is kept as text for a field error. */
const int = (s: string) => (s === '' ? null : Number.isInteger(Number(s)) ? Number(s) : s);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { family, registrationKelurahan } = await gql(event, FAMILY, { id: event.params.id });
  if (!family || family.consentWithdrawnAt) error(404, { code: 'NOT_FOUND', message: 'Keluarga tidak ditemukan.' });
  // A limited officer may move a family only between her own kelurahan; keep its current one listed.
  const kelurahan = registrationKelurahan.some((k) => k.code === family.kelurahan.code) ? registrationKelurahan : [family.kelurahan, ...registrationKelurahan];
  return { family, kelurahan, statuses: STATUSES };
};

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const desil = int(formText(form, 'desil'));
    const phase = int(formText(form, 'phase'));
    if (typeof desil === 'string') return fail(400, { section: 'update', errors: { desil: 'Desil harus angka 1–10. (Decile must be a number 1–10.)' } as Record<string, string> });
    if (typeof phase === 'string') return fail(400, { section: 'update', errors: { phase: 'Tahap harus angka. (Phase must be a number.)' } as Record<string, string> });
    const r = await act(event, 'program', UPDATE, {
      familyId: event.params.id,
      headName: formText(form, 'headName'),
      address: formText(form, 'address'),
      kelurahanCode: formText(form, 'kelurahanCode') || null,
      desil,
      dataSource: (formText(form, 'dataSource') || null) as FamilyDataSource | null,
      verifiedAt: formText(form, 'verifiedAt') || null,
      skNumber: formText(form, 'skNumber') || null,
      phase,
    });
    return r.ok ? { section: 'update', saved: true } : fail(400, { section: 'update', errors: r.failure.data.errors });
  },

  kk: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'program', CHANGE_KK, { familyId: event.params.id, kk: formText(form, 'kk').replace(/\s/g, ''), reason: formText(form, 'reason') });
    return r.ok ? { section: 'kk', saved: true } : fail(400, { section: 'kk', errors: r.failure.data.errors });
  },

  status: async (event) => {
    const form = await event.request.formData();
    const status = STATUSES.find((s) => s === formText(form, 'status')) ?? 'ACTIVE';
    const r = await act(event, 'program', SET_STATUS, { familyId: event.params.id, status, reason: formText(form, 'reason') || null });
    return r.ok ? { section: 'status', saved: true } : fail(400, { section: 'status', errors: r.failure.data.errors });
  },
};
