import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyRelation, Sex } from '$lib/server/gql/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

/** Correcting a member (name, NIK, birth date, sex, relation, school, disability) or recording that she or he left. */
const FAMILY = graphql(`
  query FamilyMemberEdit($id: ID!) {
    family(id: $id) {
      id registryNumber headName consentWithdrawnAt
      members { id name nikMasked birthDate sex relation inSchool disability leftAt }
    }
  }
`);
const UPDATE = graphql(`mutation UpdateFamilyMember($input: UpdateFamilyMemberInput!) { updateFamilyMember(input: $input) { member { id name } warnings { message } userErrors { code field message } } }`);

const RELATIONS: FamilyRelation[] = ['HEAD', 'SPOUSE', 'CHILD', 'OTHER'];

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { family } = await gql(event, FAMILY, { id: event.params.id });
  const member = family?.members.find((m) => m.id === event.params.memberId);
  if (!family || family.consentWithdrawnAt || !member) error(404, { code: 'NOT_FOUND', message: 'Anggota keluarga tidak ditemukan.' });
  return { family: { id: family.id, registryNumber: family.registryNumber, headName: family.headName }, member, relations: RELATIONS };
};

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const nik = formText(form, 'nik').replace(/\s/g, '');
    const r = await act(event, 'program', UPDATE, {
      memberId: event.params.memberId,
      name: formText(form, 'name'),
      // Empty means unchanged: the form never shows the full NIK, so it cannot be sent back as it was.
      nik: nik || null,
      birthDate: formText(form, 'birthDate') || null,
      sex: (formText(form, 'sex') === 'MALE' ? 'MALE' : 'FEMALE') as Sex,
      relation: RELATIONS.find((x) => x === formText(form, 'relation')) ?? null,
      inSchool: form.get('inSchool') === 'on',
      disability: form.get('disability') === 'on',
      leftAt: formText(form, 'leftAt') || null,
    });
    if (!r.ok) return fail(400, { errors: r.failure.data.errors });
    const payload = r.data.updateFamilyMember;
    return { saved: payload.member?.name ?? '', warnings: payload.warnings.map((w) => w.message) };
  },
};
