import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { todayWita } from './program-time.util';
import { FamilyErrors } from './family.errors';
import { familyInScope, retryOnDeadlock, toUserErrors } from './family-guard.util';
import { kelurahanScope } from './family.loaders';
import { FamilyMember } from './family-member.entity';
import { FamilyService, isNikTwice } from './family.service';
import type { AddFamilyMemberInput, UpdateFamilyMemberInput } from './family.types';
import { validateMember, validatePastDate, type FieldProblem } from './family-validation.util';
import { piiCipher } from './identity.util';

const memberAuditView = (m: FamilyMember) => ({
  name: m.name,
  nik: m.nikMasked,
  birthDate: m.birthDate,
  sex: m.sex,
  relation: m.relation,
  inSchool: m.inSchool,
  disability: m.disability,
  leftAt: m.leftAt,
});

/** Members of registered families: add (idempotent), correct, record that one left. */
export class MemberService {
  private readonly audit = new AuditService();
  private readonly families = new FamilyService();

  async add(ctx: RequestContext, input: AddFamilyMemberInput): Promise<{ member?: FamilyMember; userErrors: UserError[]; warnings: UserError[] }> {
    const checked = validateMember(input, todayWita());
    if (checked.problems.length) return { userErrors: toUserErrors(ctx, checked.problems), warnings: [] };
    const cipher = piiCipher(ctx.config.piiKey!);
    const result = await refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        runIdempotent(ctx.em as EntityManager, 'ina.addFamilyMember', input.idempotencyKey, ctx.user?.id, async (em) => {
          const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId'], true);
          const member = this.families.newMember(family, input, checked, cipher);
          em.persist(member);
          this.audit.record({ ...ctx, em }, 'ina.member.add', 'FamilyMember', member.id, { after: { family: family.registryNumber, ...memberAuditView(member) } });
          await this.flushMember(ctx, em);
          return member.id;
        }),
      ),
    );
    if ('userErrors' in result) return { ...result, warnings: [] };
    const member = await (ctx.em as EntityManager).fork().findOneOrFail(FamilyMember, result.value);
    return { member, userErrors: [], warnings: toUserErrors(ctx, checked.warnings) };
  }

  async update(ctx: RequestContext, input: UpdateFamilyMemberInput): Promise<{ member?: FamilyMember; userErrors: UserError[]; warnings: UserError[] }> {
    const cipher = piiCipher(ctx.config.piiKey!);
    let warnings: FieldProblem[] = [];
    const result = await refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        (ctx.em as EntityManager).transactional(async (em) => {
          const scope = kelurahanScope(ctx);
          const member = isUuid(input.memberId) ? await em.findOne(FamilyMember, input.memberId, { populate: ['family'] }) : null;
          if (!member || (scope && !scope.includes(member.family.kelurahan.code))) throw refuse(ctx, FamilyErrors.MEMBER_NOT_FOUND, ['input', 'memberId']);
          await familyInScope(ctx, em, member.family.id, ['input', 'memberId'], true);
          const before = memberAuditView(member);
          const currentNik = member.nikEnc ? cipher.decrypt(member.nikEnc) : undefined;
          const nik = input.nik === undefined ? currentNik : input.nik;
          const today = todayWita();
          const checked = validateMember({ name: input.name ?? member.name, nik, birthDate: input.birthDate ?? member.birthDate, sex: input.sex ?? member.sex }, today);
          const problems = [...checked.problems];
          const leftAt = validatePastDate(input.leftAt, 'leftAt', today, problems);
          if (leftAt && leftAt < checked.birthDate!) problems.push({ code: FamilyErrors.MEMBER_LEFT_BEFORE_BIRTH, field: 'leftAt' });
          if (problems.length) return { userErrors: toUserErrors(ctx, problems) };
          warnings = checked.warnings;
          Object.assign(member, { name: checked.name, birthDate: checked.birthDate, nikMismatch: checked.nikMismatch });
          if (input.sex) member.sex = input.sex;
          if (input.relation) member.relation = input.relation;
          if (input.inSchool != null) member.inSchool = input.inSchool;
          if (input.disability != null) member.disability = input.disability;
          if (leftAt) member.leftAt = leftAt;
          if (checked.nik !== currentNik) {
            const p = checked.nik ? cipher.protect('NIK', checked.nik) : undefined;
            Object.assign(member, { nikEnc: p?.enc ?? null, nikHash: p?.hash ?? null, nikMasked: p?.masked ?? null });
          }
          this.audit.record({ ...ctx, em }, 'ina.member.update', 'FamilyMember', member.id, { before, after: memberAuditView(member) });
          await this.flushMember(ctx, em);
          return { member, userErrors: [] };
        }),
      ),
    );
    return { ...result, warnings: 'member' in result ? toUserErrors(ctx, warnings) : [] };
  }

  private async flushMember(ctx: RequestContext, em: EntityManager): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (isNikTwice(err)) throw refuse(ctx, FamilyErrors.MEMBER_NIK_TWICE, ['input', 'nik']);
      throw err;
    }
  }
}
