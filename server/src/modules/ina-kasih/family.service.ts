import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { refuse, refusalsAsErrors } from '../../platform/refusal';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level.enum';
import { User } from '../user/user.entity';
import { currentMonthWita, todayWita } from './program-time.util';
import { FamilyStatus } from './family.enums';
import { FamilyErrors } from './family.errors';
import { familyInScope, retryOnDeadlock, toUserErrors } from './family-guard.util';
import { FamilyKkHistory } from './family-kk-history.entity';
import { kelurahanScope } from './family.loaders';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import type { ChangeFamilyKkInput, FamiliesArgs, FamilyIdentity, RegisterFamilyInput, SetFamilyStatusInput, UpdateFamilyInput } from './family.types';
import { validateKk, validateMember, validatePastDate, validateText, type FieldProblem } from './family-validation.util';
import { piiCipher } from './identity.util';
import { takeIdentityCheck } from './family-identity-check.service';

/** What of a family goes into the audit trail (never a KK or NIK in clear). */
export const familyAuditView = (f: Family) => ({
  registryNumber: f.registryNumber,
  kk: f.kkMasked,
  headName: f.headName,
  address: f.address,
  kelurahan: f.kelurahan.code,
  desil: f.desil,
  dataSource: f.dataSource,
  verifiedAt: f.verifiedAt,
  skNumber: f.skNumber,
  phase: f.phase,
  enrolledAt: f.enrolledAt,
  status: f.status,
  consentGivenAt: f.consentGivenAt,
});

/**
 * Due this month: ACTIVE, enrolled by the month's end, with a woman or girl eligible in the month
 * (`ina_is_eligible`, members who left before it not counted), and no standing delivery in any
 * round of the month. Four parameters: the month's first day (WITA).
 */
const DUE_THIS_MONTH_SQL = `f.status = 'ACTIVE' and f.enrolled_at < (?::date + interval '1 month')::date
  and exists (select 1 from ina_family_member m where m.family_id = f.id and (m.left_at is null or m.left_at >= ?::date) and ina_is_eligible(m.birth_date, m.sex::text, ?::date))
  and not exists (select 1 from ina_distribution d join ina_distribution_round r on r.id = d.round_id
                   where d.family_id = f.id and r.month = ?::date and d.kind = 'DELIVERY'
                     and not exists (select 1 from ina_distribution x where x.reverses_id = d.id))`;

/** Families of the Ina Kasih registry: register, read (masked, audited), change, reveal. */
export class FamilyService {
  private readonly audit = new AuditService();

  /** A page of families in the caller's kelurahan; KK/NIK search goes through the blind index. */
  async list(ctx: RequestContext, args: FamiliesArgs): Promise<ConnectionShape<Family>> {
    const page = toPage(args);
    const scope = kelurahanScope(ctx);
    const qb = (ctx.em as EntityManager).createQueryBuilder(Family, 'f').select('f.*');
    if (scope) qb.andWhere({ kelurahan: { $in: scope } });
    if (args.kelurahanCode) qb.andWhere({ kelurahan: args.kelurahanCode });
    if (args.status) qb.andWhere({ status: args.status });
    if (args.desil != null) qb.andWhere({ desil: args.desil });
    if (args.dueThisMonth) qb.andWhere(DUE_THIS_MONTH_SQL, [currentMonthWita() + '-01', currentMonthWita() + '-01', currentMonthWita() + '-01', currentMonthWita() + '-01']);
    if (args.hasOpenDuplicate) qb.andWhere(`exists (select 1 from ina_duplicate_flag d where d.status = 'OPEN' and (d.family_id = f.id or d.other_family_id = f.id))`);
    const search = args.search?.trim();
    if (search) {
      const digits = search.replace(/[\s.\-_]/g, '');
      if (/^\d{16}$/.test(digits)) {
        // A yes/no oracle for a guessed number like checkFamilyIdentity: the same hourly allowance.
        await takeIdentityCheck(ctx, ctx.em as EntityManager);
        const cipher = piiCipher(ctx.config.piiKey!);
        qb.andWhere(`(f.kk_hash = ? or exists (select 1 from ina_family_member m where m.family_id = f.id and m.nik_hash = ?)
                      or exists (select 1 from ina_family_kk_history h where h.family_id = f.id and h.kk_hash = ?))`, [
          cipher.blindIndex('KK', digits),
          cipher.blindIndex('NIK', digits),
          cipher.blindIndex('KK', digits),
        ]);
      } else {
        const like = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
        qb.andWhere({ $or: [{ headName: { $ilike: like } }, { registryNumber: { $ilike: like } }] });
      }
    }
    qb.orderBy({ registryNumber: 'asc' }).limit(page.limit).offset(page.offset);
    const [rows, total] = await qb.getResultAndCount();
    ctx.auditReads.add('ina.family.list', 'Family', undefined, {
      kelurahanCode: args.kelurahanCode, status: args.status, desil: args.desil, dueThisMonth: args.dueThisMonth, searched: !!search, families: rows.map((f) => f.registryNumber),
    });
    return toConnection(rows, total, page);
  }

  /** One family's full record; the read is audited. */
  async get(ctx: RequestContext, id: string): Promise<Family | null> {
    const family = await familyInScope(ctx, ctx.em as EntityManager, id, ['id']).catch(() => null);
    if (!family) return null;
    ctx.auditReads.add('ina.family.read', 'Family', family.id);
    return family;
  }

  /** Registers a family with its members; duplicates of KK/NIK are flagged by the database, never refused or merged. */
  async register(ctx: RequestContext, input: RegisterFamilyInput): Promise<{ family?: Family; userErrors: UserError[]; warnings: UserError[] }> {
    const today = todayWita();
    const problems: FieldProblem[] = [];
    const kk = validateKk(input.kk);
    if (kk.problem) problems.push(kk.problem);
    const fields = await this.checkFamilyFields(ctx, { ...input }, today, problems, true);
    const warnings: FieldProblem[] = [];
    const members = (input.members ?? []).map((m, i) => {
      const checked = validateMember(m, today, `members.${i}.`);
      problems.push(...checked.problems);
      warnings.push(...checked.warnings);
      return { input: m, checked };
    });
    const seen = new Set<string>();
    members.forEach(({ checked }, i) => {
      if (!checked.nik) return;
      if (seen.has(checked.nik)) problems.push({ code: FamilyErrors.MEMBER_NIK_TWICE, field: `members.${i}.nik` });
      seen.add(checked.nik);
    });
    if (problems.length) return { userErrors: toUserErrors(ctx, problems), warnings: [] };

    const cipher = piiCipher(ctx.config.piiKey!);
    const result = await refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        runIdempotent(ctx.em as EntityManager, 'ina.registerFamily', input.idempotencyKey, ctx.user?.id, async (em) => {
          const family = new Family({
            kk: cipher.protect('KK', kk.value!),
            headName: fields.headName!,
            address: fields.address!,
            kelurahan: fields.kelurahan!,
            dataSource: input.dataSource,
            enrolledAt: fields.enrolledAt ?? today,
          });
          Object.assign(family, { desil: input.desil, verifiedAt: fields.verifiedAt, skNumber: fields.skNumber, phase: input.phase, consentMethod: fields.consentMethod });
          if (input.consentGiven) family.consentGivenAt = new Date();
          if (ctx.user) family.createdBy = em.getReference(User, ctx.user.id);
          const history = new FamilyKkHistory(family, cipher.protect('KK', kk.value!), 'Pendaftaran');
          if (ctx.user) history.recordedBy = em.getReference(User, ctx.user.id);
          em.persist([family, history]);
          for (const { input: m, checked } of members) em.persist(this.newMember(family, m, checked, cipher));
          await em.flush();
          await em.refresh(family);
          this.audit.record({ ...ctx, em }, 'ina.family.register', 'Family', family.id, { after: { ...familyAuditView(family), members: members.length } });
          await em.flush();
          return family.id;
        }),
      ),
    );
    if ('userErrors' in result) return { ...result, warnings: [] };
    const family = await (ctx.em as EntityManager).fork().findOneOrFail(Family, result.value);
    return { family, userErrors: [], warnings: toUserErrors(ctx, warnings) };
  }

  newMember(family: Family, m: { sex: FamilyMember['sex']; relation?: FamilyMember['relation']; inSchool?: boolean; disability?: boolean }, checked: ReturnType<typeof validateMember>, cipher: ReturnType<typeof piiCipher>): FamilyMember {
    const member = new FamilyMember(family, { name: checked.name!, birthDate: checked.birthDate!, sex: m.sex });
    if (m.relation) member.relation = m.relation;
    member.inSchool = m.inSchool ?? false;
    member.disability = m.disability ?? false;
    if (checked.nik) {
      const p = cipher.protect('NIK', checked.nik);
      Object.assign(member, { nikEnc: p.enc, nikHash: p.hash, nikMasked: p.masked, nikMismatch: checked.nikMismatch });
    }
    return member;
  }

  /** Changes the descriptive fields of a family (not its KK: see changeKk). */
  async update(ctx: RequestContext, input: UpdateFamilyInput): Promise<{ family?: Family; userErrors: UserError[] }> {
    const problems: FieldProblem[] = [];
    const fields = await this.checkFamilyFields(ctx, input, todayWita(), problems, false);
    if (problems.length) return { userErrors: toUserErrors(ctx, problems) };
    return refusalsAsErrors(() =>
      (ctx.em as EntityManager).transactional(async (em) => {
        const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId'], true);
        const before = familyAuditView(family);
        for (const key of ['headName', 'address', 'verifiedAt', 'skNumber', 'enrolledAt', 'consentMethod'] as const) if (fields[key] !== undefined) family[key] = fields[key];
        if (fields.kelurahan) family.kelurahan = fields.kelurahan;
        if (input.desil != null) family.desil = input.desil;
        if (input.phase != null) family.phase = input.phase;
        if (input.dataSource) family.dataSource = input.dataSource;
        if (input.consentGiven === true && !family.consentGivenAt) family.consentGivenAt = new Date();
        this.audit.record({ ...ctx, em }, 'ina.family.update', 'Family', family.id, { before, after: familyAuditView(family) });
        await em.flush();
        return { family, userErrors: [] };
      }),
    );
  }

  /** A new KK number: the current one is closed in the history, never overwritten. */
  async changeKk(ctx: RequestContext, input: ChangeFamilyKkInput): Promise<{ family?: Family; userErrors: UserError[] }> {
    const problems: FieldProblem[] = [];
    const kk = validateKk(input.kk);
    if (kk.problem) problems.push(kk.problem);
    const reason = validateText(input.reason, 'reason', 300, true, problems);
    if (problems.length) return { userErrors: toUserErrors(ctx, problems) };
    const cipher = piiCipher(ctx.config.piiKey!);
    const protectedKk = cipher.protect('KK', kk.value!);
    return refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        (ctx.em as EntityManager).transactional(async (em) => {
          const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId'], true);
          if (!family.kkHash) throw refuse(ctx, FamilyErrors.FAMILY_KK_ERASED, ['input', 'familyId']);
          if (family.kkHash === protectedKk.hash) throw refuse(ctx, FamilyErrors.FAMILY_KK_UNCHANGED, ['input', 'kk']);
          const now = new Date();
          const current = await em.findOne(FamilyKkHistory, { family, validTo: null });
          const before = family.kkMasked;
          if (current) {
            current.validTo = now;
            // Closed before the new current row is inserted: one current row per family (unique index).
            await em.flush();
          }
          Object.assign(family, { kkEnc: protectedKk.enc, kkHash: protectedKk.hash, kkMasked: protectedKk.masked });
          const history = new FamilyKkHistory(family, cipher.protect('KK', kk.value!), reason);
          history.validFrom = now;
          if (ctx.user) history.recordedBy = em.getReference(User, ctx.user.id);
          em.persist(history);
          this.audit.record({ ...ctx, em }, 'ina.family.change_kk', 'Family', family.id, { before: { kk: before }, after: { kk: family.kkMasked, reason } });
          await em.flush();
          return { family, userErrors: [] };
        }),
      ),
    );
  }

  /** ACTIVE, PAUSED or EXITED, with a reason for the last two; back to ACTIVE re-checks duplicates (trigger). */
  async setStatus(ctx: RequestContext, input: SetFamilyStatusInput): Promise<{ family?: Family; userErrors: UserError[] }> {
    const reason = input.reason?.trim() || undefined;
    if (input.status !== FamilyStatus.ACTIVE && !reason) return { userErrors: toUserErrors(ctx, [{ code: FamilyErrors.FAMILY_REASON_REQUIRED, field: 'reason' }]) };
    return refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        (ctx.em as EntityManager).transactional(async (em) => {
          const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId'], true);
          if (family.status === input.status) throw refuse(ctx, FamilyErrors.FAMILY_STATUS_UNCHANGED, ['input', 'status'], { status: input.status });
          const before = { status: family.status, reason: family.statusReason };
          this.applyStatus(family, input.status, reason);
          this.audit.record({ ...ctx, em }, 'ina.family.set_status', 'Family', family.id, { before, after: { status: family.status, reason } });
          await em.flush();
          return { family, userErrors: [] };
        }),
      ),
    );
  }

  applyStatus(family: Family, status: FamilyStatus, reason: string | undefined): void {
    family.status = status;
    family.statusReason = status === FamilyStatus.ACTIVE ? undefined : reason;
    family.statusChangedAt = new Date();
  }

  /** The full KK and NIKs, for staff allowed to see them; every reveal is audited. */
  async reveal(ctx: RequestContext, familyId: string): Promise<{ identity?: FamilyIdentity; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const em = ctx.em as EntityManager;
      const family = await familyInScope(ctx, em, familyId, ['input', 'familyId']);
      const members = await em.find(FamilyMember, { family }, { orderBy: { birthDate: 'asc' } });
      const cipher = piiCipher(ctx.config.piiKey!);
      ctx.auditReads.add('ina.family.reveal_id', 'Family', family.id, { registryNumber: family.registryNumber, kk: family.kkMasked, niks: members.filter((m) => m.nikEnc).length });
      return {
        identity: {
          familyId: family.id,
          kk: family.kkEnc ? cipher.decrypt(family.kkEnc) : undefined,
          members: members.map((m) => ({ memberId: m.id, familyId: family.id, name: m.name, nik: m.nikEnc ? cipher.decrypt(m.nikEnc) : undefined })),
        },
        userErrors: [],
      };
    });
  }

  /** Checks the descriptive fields shared by register and update. */
  private async checkFamilyFields(
    ctx: RequestContext,
    input: Partial<RegisterFamilyInput>,
    today: string,
    problems: FieldProblem[],
    creating: boolean,
  ): Promise<{ headName?: string; address?: string; kelurahan?: Region; verifiedAt?: string; skNumber?: string; enrolledAt?: string; consentMethod?: string }> {
    const headName = validateText(input.headName, 'headName', 120, creating || input.headName !== undefined, problems);
    const address = validateText(input.address, 'address', 300, creating || input.address !== undefined, problems);
    const skNumber = validateText(input.skNumber, 'skNumber', 100, false, problems);
    const consentMethod = validateText(input.consentMethod, 'consentMethod', 200, false, problems);
    if (input.desil != null && !(Number.isInteger(input.desil) && input.desil >= 1 && input.desil <= 10)) problems.push({ code: FamilyErrors.FAMILY_INVALID_DESIL, field: 'desil' });
    if (input.phase != null && !(Number.isInteger(input.phase) && input.phase >= 1 && input.phase <= 99)) problems.push({ code: FamilyErrors.FAMILY_INVALID_PHASE, field: 'phase' });
    const verifiedAt = validatePastDate(input.verifiedAt, 'verifiedAt', today, problems);
    const enrolledAt = input.enrolledAt;
    let kelurahan: Region | undefined;
    if (creating || input.kelurahanCode) {
      const code = input.kelurahanCode ?? '';
      const scope = kelurahanScope(ctx);
      kelurahan = /^[0-9.]{1,20}$/.test(code) ? ((await ctx.em.findOne(Region, { code, level: RegionLevel.KELURAHAN })) ?? undefined) : undefined;
      if (!kelurahan) problems.push({ code: FamilyErrors.FAMILY_UNKNOWN_KELURAHAN, field: 'kelurahanCode' });
      else if (scope && !scope.includes(code)) problems.push({ code: FamilyErrors.FAMILY_OUT_OF_SCOPE, field: 'kelurahanCode' });
    }
    return { headName, address, kelurahan, verifiedAt, skNumber, enrolledAt, consentMethod };
  }
}

export const isNikTwice = (err: unknown) => err instanceof UniqueConstraintViolationException && /nik_once_per_family/.test(err.message);
