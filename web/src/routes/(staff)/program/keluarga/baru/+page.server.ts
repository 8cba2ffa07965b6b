import { fail, redirect } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyDataSource, FamilyMemberInput, FamilyRelation, RegisterFamilyInput, Sex } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';
import { formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const LISTS = graphql(`query RegisterLists { registrationKelurahan { code name } }`);
const REGISTER = graphql(`mutation RegisterFamily($input: RegisterFamilyInput!) { registerFamily(input: $input) { family { id } userErrors { code field message } } }`);

/** Member rows shown by the form; "add member" asks for one more without JavaScript (?anggota=N). */
const MAX_MEMBERS = 20;
const rowCount = (raw: string | null) => Math.min(MAX_MEMBERS, Math.max(1, Number.parseInt(raw ?? '', 10) || 1));

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const lists = await gql(event, LISTS);
  return { kelurahan: lists.registrationKelurahan, rows: rowCount(event.url.searchParams.get('anggota')), key: formKey(), maxMembers: MAX_MEMBERS };
};

/** "members.0.nik" for a field of the first member, the field name for family fields, "_form" otherwise. */
function errorKey(field: string[] | null): string {
  if (!field?.length) return '_form';
  const path = field[0] === 'input' ? field.slice(1) : field;
  return path.join('.') || '_form';
}

const int = (s: string) => (s === '' ? null : Number.isInteger(Number(s)) ? Number(s) : s);

export const actions: Actions = {
  register: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const values: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
    const rows = rowCount(formText(form, 'rows'));
    const members: FamilyMemberInput[] = [];
    for (let i = 0; i < rows; i++) {
      const name = formText(form, `m${i}.name`);
      const nik = formText(form, `m${i}.nik`);
      const birthDate = formText(form, `m${i}.birthDate`);
      if (!name && !nik && !birthDate) continue;
      members.push({
        name,
        nik: nik || null,
        birthDate,
        sex: (formText(form, `m${i}.sex`) || 'FEMALE') as Sex,
        relation: (formText(form, `m${i}.relation`) || null) as FamilyRelation | null,
        inSchool: form.get(`m${i}.inSchool`) === 'on',
        disability: form.get(`m${i}.disability`) === 'on',
      });
    }
    if (!members.length) return fail(400, { values, errors: { 'members.0.name': 'Isi paling sedikit satu anggota keluarga. (Add at least one family member.)' } as Record<string, string> });
    const consent = form.get('consentGiven') === 'on';
    const desil = int(formText(form, 'desil'));
    const phase = int(formText(form, 'phase'));
    if (typeof desil === 'string') return fail(400, { values, errors: { desil: 'Desil harus angka 1–10. (Decile must be a number 1–10.)' } as Record<string, string> });
    if (typeof phase === 'string') return fail(400, { values, errors: { phase: 'Tahap harus angka. (Phase must be a number.)' } as Record<string, string> });
    const input: RegisterFamilyInput = {
      idempotencyKey: formText(form, 'idempotencyKey') || null,
      kk: formText(form, 'kk').replace(/\s/g, ''),
      headName: formText(form, 'headName'),
      address: formText(form, 'address'),
      kelurahanCode: formText(form, 'kelurahanCode'),
      desil,
      dataSource: (formText(form, 'dataSource') || 'DTSEN') as FamilyDataSource,
      verifiedAt: formText(form, 'verifiedAt') || null,
      skNumber: formText(form, 'skNumber') || null,
      phase,
      consentGiven: consent,
      consentMethod: consent ? formText(form, 'consentMethod') || null : null,
      members,
    };
    const data = await gql(event, REGISTER, { input });
    const payload = data.registerFamily;
    if (payload.userErrors.length || !payload.family) {
      const errors: Record<string, string> = {};
      // members were sent without the empty rows: map their index back to the row on the page
      const rowOf: number[] = [];
      for (let i = 0; i < rows; i++) if (formText(form, `m${i}.name`) || formText(form, `m${i}.nik`) || formText(form, `m${i}.birthDate`)) rowOf.push(i);
      for (const e of payload.userErrors) {
        let key = errorKey(e.field);
        const m = /^members\.(\d+)\.(.+)$/.exec(key);
        if (m) key = `members.${rowOf[Number(m[1])] ?? m[1]}.${m[2]}`;
        errors[key] = errors[key] ? `${errors[key]} ${e.message}` : e.message;
      }
      return fail(400, { values, errors });
    }
    redirect(303, `/program/keluarga/${payload.family.id}`);
  },
};
