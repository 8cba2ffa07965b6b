import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { beginErasure, ERASED_TEXT, eraseAuditValues } from '../audit/audit-erasure';
import { AuditService } from '../audit/audit.service';
import { refuse, refusalsAsErrors } from '../../platform/refusal';
import { FamilyErrors } from './family.errors';
import { familyInScope, retryOnDeadlock } from './family-guard.util';
import { familyExportCsv, type FamilyExportDocument } from './family-export.util';
import { Family } from './family.entity';
import type { FamilyDataExport, WithdrawFamilyConsentInput } from './family.types';
import { piiCipher } from './identity.util';

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string | Date).toISOString());

/**
 * The family's rights over its data (UU 27/2022): a copy of everything kept about it, and the
 * withdrawal of consent, which erases its personal fields everywhere while every count already
 * reported (round plans, deliveries, stock and their costs) stays as it was.
 */
export class FamilyConsentService {
  private readonly audit = new AuditService();

  /** The family's full record with KK and NIK in clear, as JSON and CSV; written to the audit trail. */
  async export(ctx: RequestContext, familyId: string): Promise<{ export?: FamilyDataExport; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      (ctx.em as EntityManager).transactional(async (em) => {
        const family = await familyInScope(ctx, em, familyId, ['input', 'familyId']);
        const doc = await this.document(ctx, em, family);
        ctx.auditReads.add('ina.family.export', 'Family', family.id, {
          registryNumber: family.registryNumber, members: doc.members.length, kkHistory: doc.kkHistory.length, deliveries: doc.deliveries.length,
        });
        return {
          export: { familyId: family.id, fileName: `data-keluarga-${family.registryNumber}`, json: JSON.stringify(doc, null, 2), csv: familyExportCsv(doc) },
          userErrors: [],
        };
      }),
    );
  }

  /**
   * Records that the family withdrew its consent. In one transaction: the family leaves the
   * program (EXITED), its names, address, KK (ciphertext, blind index, masked copy, in the
   * family and its KK history), NIKs, the exact birth dates (kept as year and month: the 15th
   * of the birth month, which gives the same age band in every month as the real date unless
   * she was born on the 1st), the name of any proxy who signed for it and its open duplicate
   * flags' numbers are erased, and every earlier audit entry about the family, its members,
   * deliveries and duplicate flags loses the personal values in its before/after. Sex, relation,
   * school and disability stay (anonymous once the rest is gone) so aggregate counts stay true.
   */
  async withdraw(ctx: RequestContext, input: WithdrawFamilyConsentInput): Promise<{ family?: Family; userErrors: UserError[] }> {
    const result = await refusalsAsErrors(() =>
      retryOnDeadlock(() =>
        runIdempotent(ctx.em as EntityManager, 'ina.withdrawFamilyConsent', input.idempotencyKey, ctx.user?.id, async (em) => {
          // Locked, and refused when the family already withdrew (FAMILY_CONSENT_ALREADY_WITHDRAWN).
          const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId'], true);
          if (input.confirmRegistryNumber.trim().toUpperCase() !== family.registryNumber) {
            throw refuse(ctx, FamilyErrors.FAMILY_CONFIRMATION_MISMATCH, ['input', 'confirmRegistryNumber'], { registryNumber: family.registryNumber });
          }
          const requestedVia = input.requestedVia?.trim().slice(0, 200) || undefined;
          await this.erase(em, family.id);
          const [{ members }] = await em.execute(`select count(*)::int as members from ina_family_member where family_id = ?`, [family.id]);
          this.audit.record({ ...ctx, em }, 'ina.family.withdraw_consent', 'Family', family.id, {
            after: { registryNumber: family.registryNumber, status: 'EXITED', members, requestedVia, erased: ['headName', 'address', 'kk', 'kkHistory', 'memberNames', 'niks', 'birthDays', 'proxyNames', 'auditValues'] },
          });
          await em.flush();
          return family.id;
        }),
      ),
    );
    if ('userErrors' in result) return result;
    const family = await (ctx.em as EntityManager).fork().findOneOrFail(Family, result.value);
    return { family, userErrors: [] };
  }

  /** The erasure itself, set-based; the caller holds the family row FOR UPDATE. */
  private async erase(em: EntityManager, familyId: string): Promise<void> {
    const run = (sql: string, params: unknown[] = [familyId]) => em.execute(sql, params);
    // Opens the narrow exceptions of the append-only triggers for this transaction only: the audit
    // trail's (every erasure's) and the delivery ledger's proxy names (Ina Kasih's own).
    await beginErasure(em);
    await run(`select set_config('ina.erasure', 'on', true)`, []);
    await run(
      `update ina_family set kk_enc = null, kk_hash = null, kk_masked = null, head_name = '${ERASED_TEXT}', address = '${ERASED_TEXT}',
              status = 'EXITED', status_reason = 'Persetujuan ditarik', status_changed_at = now(), consent_withdrawn_at = now(), updated_at = now()
        where id = ?`,
    );
    await run(
      `update ina_family_member set name = '${ERASED_TEXT}', nik_enc = null, nik_hash = null, nik_masked = null, nik_mismatch = false,
              birth_date = make_date(extract(year from birth_date)::int, extract(month from birth_date)::int, 15), updated_at = now()
        where family_id = ?`,
    );
    await run(`update ina_family_kk_history set kk_enc = null, kk_hash = null, kk_masked = null, reason = null where family_id = ?`);
    await run(`update ina_distribution set proxy_name = '${ERASED_TEXT}' where family_id = ? and proxy_name is not null`);
    await run(
      `update ina_duplicate_flag set status = 'RESOLVED', resolution = 'EXITED_ONE', resolution_note = 'Persetujuan ditarik', resolved_at = now(), updated_at = now()
        where status = 'OPEN' and (family_id = ? or other_family_id = ?)`,
      [familyId, familyId],
    );
    await run(`update ina_duplicate_flag set blind_hash = '${ERASED_TEXT}', resolution_note = null where family_id = ? or other_family_id = ?`, [familyId, familyId]);
    await eraseAuditValues(em, [
      { entityType: 'Family', idsSql: '?::text', params: [familyId] },
      { entityType: 'FamilyMember', idsSql: 'select id::text from ina_family_member where family_id = ?', params: [familyId] },
      { entityType: 'Distribution', idsSql: 'select id::text from ina_distribution where family_id = ?', params: [familyId] },
      { entityType: 'DuplicateFlag', idsSql: 'select id::text from ina_duplicate_flag where family_id = ? or other_family_id = ?', params: [familyId, familyId] },
    ]);
  }

  /** Everything kept about one family, in three statements (members, KK history, deliveries). */
  private async document(ctx: RequestContext, em: EntityManager, family: Family): Promise<FamilyExportDocument> {
    const cipher = piiCipher(ctx.config.piiKey!);
    const open = (enc: string | null | undefined) => (enc ? cipher.decrypt(enc) : null);
    const members: Record<string, unknown>[] = await em.execute(
      `select id, name, nik_enc, birth_date::text as birth_date, sex, relation, in_school, disability, left_at::text as left_at
         from ina_family_member where family_id = ? order by birth_date, id`,
      [family.id],
    );
    const history: Record<string, unknown>[] = await em.execute(
      `select kk_enc, valid_from, valid_to, reason from ina_family_kk_history where family_id = ? order by valid_from, id`,
      [family.id],
    );
    const deliveries: Record<string, unknown>[] = await em.execute(
      `select to_char(r.month, 'YYYY-MM') as month, d.kind, d.packs, d.place, d.delivered_at, m.name as received_by, d.proxy_name, d.reason
         from ina_distribution d join ina_distribution_round r on r.id = d.round_id left join ina_family_member m on m.id = d.received_by_member_id
        where d.family_id = ? order by d.created_at, d.id`,
      [family.id],
    );
    return {
      exportedAt: new Date().toISOString(),
      family: {
        registryNumber: family.registryNumber,
        kk: open(family.kkEnc),
        headName: family.headName,
        address: family.address,
        kelurahanCode: family.kelurahan.code,
        desil: family.desil ?? null,
        dataSource: family.dataSource,
        verifiedAt: family.verifiedAt ?? null,
        skNumber: family.skNumber ?? null,
        phase: family.phase ?? null,
        enrolledAt: family.enrolledAt,
        status: family.status,
        statusReason: family.statusReason ?? null,
        consentGivenAt: family.consentGivenAt?.toISOString() ?? null,
        consentMethod: family.consentMethod ?? null,
        consentWithdrawnAt: family.consentWithdrawnAt?.toISOString() ?? null,
      },
      members: members.map((m) => ({
        name: m.name,
        nik: open(m.nik_enc as string | null),
        birthDate: m.birth_date,
        sex: m.sex === 'F' ? 'FEMALE' : 'MALE',
        relation: m.relation,
        inSchool: m.in_school,
        disability: m.disability,
        leftAt: m.left_at ?? null,
      })),
      kkHistory: history.map((h) => ({
        kk: open(h.kk_enc as string | null),
        validFrom: iso(h.valid_from)!,
        validTo: iso(h.valid_to),
        reason: h.reason ?? null,
      })),
      deliveries: deliveries.map((d) => ({
        month: d.month,
        kind: d.kind,
        packs: d.packs,
        place: d.place ?? null,
        deliveredAt: iso(d.delivered_at)!,
        receivedBy: d.received_by ?? null,
        proxyName: d.proxy_name ?? null,
        reason: d.reason ?? null,
      })),
    };
  }
}
