import { error, fail, redirect } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { AddFamilyMemberInput, FamilyRelation } from '$lib/server/gql/graphql';
import { recordDelivery } from '$lib/server/delivery';
import { requireRole } from '$lib/server/guard';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const FAMILY = graphql(`
  query Family($id: ID!) {
    family(id: $id) {
      id registryNumber kkMasked headName address desil dataSource verifiedAt skNumber phase enrolledAt status statusReason consentGivenAt consentMethod consentWithdrawnAt
      kelurahan { name }
      eligibleWomen
      members { id name nikMasked nikMismatch birthDate sex relation inSchool disability leftAt age eligible }
      kkHistory { kkMasked validFrom validTo reason }
      openDuplicateFlags { id kind }
      deliveries { id kind packs place deliveredAt proxyName reason receivedBy { name } round { month } reversedBy { id } }
      openRoundPlans { round { id month } eligibleWomen plannedPacks delivery { id packs deliveredAt proxyName receivedBy { name } } }
    }
  }
`);
const REVEAL = graphql(`mutation RevealFamilyIdentity($input: RevealFamilyIdentityInput!) { revealFamilyIdentity(input: $input) { identity { kk members { memberId nik } } userErrors { code field message } } }`);
const CHECK_ID = graphql(`mutation CheckFamilyIdentity($input: CheckFamilyIdentityInput!) { checkFamilyIdentity(input: $input) { check { matches matchedAs memberId checksLeftThisHour } userErrors { code field message } } }`);
const ADD_MEMBER = graphql(`mutation AddFamilyMember($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { member { id name } warnings { message } userErrors { code field message } } }`);
const WITHDRAW = graphql(`mutation WithdrawFamilyConsent($input: WithdrawFamilyConsentInput!) { withdrawFamilyConsent(input: $input) { family { id } userErrors { code field message } } }`);

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { family } = await gql(event, FAMILY, { id: event.params.id });
  if (!family) error(404, { code: 'NOT_FOUND', message: 'Keluarga tidak ditemukan.' });
  return {
    family,
    canReveal: ['PROGRAM_STAFF', 'ADMIN'].includes(parent.user.role),
    // The erasure asks twice: ?tarik shows what will happen and the confirmation form.
    confirmWithdraw: event.url.searchParams.has('tarik') && !family.consentWithdrawnAt,
    memberKey: formKey(),
    withdrawKey: formKey(),
    withdrawn: event.url.searchParams.has('dihapus'),
    // One idempotency key per open round: a resubmission (or an offline replay) is the same delivery.
    deliveryKeys: Object.fromEntries(family.openRoundPlans.map((p) => [p.round.id, formKey()])),
  };
};

export const actions: Actions = {
  record: async (event) => {
    const form = await event.request.formData();
    return recordDelivery(event, formText(form, 'roundId'), form);
  },

  reveal: async (event) => {
    const r = await act(
      event,
      'program',
      REVEAL,
      { familyId: event.params.id },
    );
    if (!r.ok) return r.failure;
    return { identity: r.data.revealFamilyIdentity.identity };
  },

  /** The number typed from a card is sent once and never returned to the page (not even into the form). */
  checkId: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const { checkFamilyIdentity: r } = await gql(event, CHECK_ID, { input: { familyId: event.params.id, number: formText(form, 'number') } });
    if (r.userErrors.length || !r.check) return fail(400, { checkError: r.userErrors.map((e) => e.message).join(' ') });
    return { idCheck: r.check };
  },

  addMember: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const values: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
    const input: AddFamilyMemberInput = {
      familyId: event.params.id,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
      name: formText(form, 'name'),
      nik: formText(form, 'nik').replace(/\s/g, '') || null,
      birthDate: formText(form, 'birthDate'),
      sex: formText(form, 'sex') === 'MALE' ? 'MALE' : 'FEMALE',
      relation: (formText(form, 'relation') || null) as FamilyRelation | null,
      inSchool: form.get('inSchool') === 'on',
      disability: form.get('disability') === 'on',
    };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) {
      return fail(400, { memberValues: values, memberErrors: { birthDate: 'Isi tanggal lahir (TTTT-BB-HH). (Enter the birth date, YYYY-MM-DD.)' } as Record<string, string> });
    }
    const data = await gql(
      event,
      ADD_MEMBER,
      { input },
    );
    const payload = data.addFamilyMember;
    if (payload.userErrors.length || !payload.member) {
      const memberErrors: Record<string, string> = {};
      for (const e of payload.userErrors) {
        const key = e.field?.at(-1) ?? '_form';
        memberErrors[key] = memberErrors[key] ? `${memberErrors[key]} ${e.message}` : e.message;
      }
      return fail(400, { memberValues: values, memberErrors });
    }
    return { memberAdded: payload.member.name, memberWarnings: payload.warnings.map((w) => w.message) };
  },

  withdraw: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'program', WITHDRAW, {
      familyId: event.params.id,
      confirmRegistryNumber: formText(form, 'confirmRegistryNumber'),
      requestedVia: formText(form, 'requestedVia') || null,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    if (!r.ok) return r.failure;
    redirect(303, `/program/keluarga/${event.params.id}?dihapus`);
  },
};
