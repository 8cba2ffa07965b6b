import type { EntityManager } from '@mikro-orm/postgresql';
import { defineMessages, type Locale } from '../../platform/i18n';
import { ERASED_TEXT } from '../audit/audit-erasure';
import type { AccountDataPart } from '../feature-module';
import { longDate, cityClock, witaDate } from '../../platform/wita-clock';

export const VendorTurnoverDataErrors = defineMessages({
  VENDOR_ERASURE_ENROLLED: {
    id: 'Anda masih terdaftar di pelatihan: {trainings}. Keluar dulu dari pelatihan itu (atau tunggu sampai selesai), lalu hapus data Anda.',
    en: 'You are still signed up for a training: {trainings}. Leave it first (or wait until it is over), then erase your data.',
  },
});

/**
 * The turnover module's part in a vendor's rights over her data (UU 27/2022). Her export: every
 * version of her turnover figures with her confirmations and disputes, her trainings with
 * attendance and certificates, and the mentoring visits with the notes she is shown (staff's
 * internal notes are working notes of the office and stay out, as on her mentoring page). Her
 * erasure keeps the figures, attendances and certificate numbers — city totals and partners'
 * reports were built from them — and blanks the words: her dispute comments, the answers to
 * them, the mentoring notes and follow-ups.
 */
export const turnoverAccountData: AccountDataPart = {
  async export(em: EntityManager, userId: string) {
    // Only a vendor has these sections; hers are there even while empty.
    if (!(await em.execute(`select 1 from market_vendor where user_id = ?`, [userId])).length) return [];
    const turnover = await em.execute(
      `select d.date::text as date, r.version, r.current, r.amount::text as amount, r.transactions, r.status, r.correction_reason as "correctionReason",
              r.recorded_at as "recordedAt", r.confirmed_at as "confirmedAt", r.dispute_comment as "disputeComment", r.disputed_at as "disputedAt",
              r.resolution_note as "resolutionNote", r.resolved_at as "resolvedAt"
         from turnover_report r join market_vendor v on v.id = r.vendor_id join market_day d on d.id = r.market_day_id
        where v.user_id = ? order by d.date, r.version`,
      [userId],
    );
    const trainings = await em.execute(
      `select t.title, t.topic, t.starts_at as "startsAt", t.ends_at as "endsAt", t.place, t.status as "trainingStatus", e.status,
              e.requested_at as "requestedAt", e.attended, e.certificate_number as "certificateNumber",
              e.certificate_code as "certificateCode"
         from training_enrolment e join market_vendor v on v.id = e.vendor_id join training t on t.id = e.training_id
        where v.user_id = ? order by t.starts_at, e.requested_at`,
      [userId],
    );
    const mentoring = await em.execute(
      `select m.visit_date::text as "visitDate", m.topic, m.notes,
              coalesce((select json_agg(json_build_object('description', f.description, 'done', f.done, 'doneOn', f.done_on) order by f.position)
                          from mentoring_follow_up f where f.visit_id = m.id), '[]') as "followUps"
         from mentoring_visit m join market_vendor v on v.id = m.vendor_id where v.user_id = ? order by m.visit_date`,
      [userId],
    );
    return [
      { key: 'turnover', label: 'omzet', rows: turnover },
      { key: 'trainings', label: 'pelatihan', rows: trainings },
      { key: 'mentoring', label: 'pendampingan', rows: mentoring },
    ];
  },

  async blockers(em: EntityManager, userId: string, locale: Locale) {
    const open: { title: string; starts_at: Date | string }[] = await em.execute(
      `select t.title, t.starts_at from training_enrolment e join market_vendor v on v.id = e.vendor_id join training t on t.id = e.training_id
        where v.user_id = ? and e.status in ('ENROLLED','WAITLISTED') and e.attended is null and t.status <> 'CANCELLED' and t.ends_at > ?
        order by t.starts_at`,
      [userId, cityClock.now()],
    );
    const trainings = open.map((t) => `${t.title} (${longDate(witaDate(new Date(t.starts_at)), locale)})`).join(', ');
    return open.length ? [{ code: VendorTurnoverDataErrors.VENDOR_ERASURE_ENROLLED, params: { trainings } }] : [];
  },

  async erase(em: EntityManager, userId: string) {
    const hers = 'select id from market_vendor where user_id = ?';
    await em.execute(
      `update turnover_report set dispute_comment = case when dispute_comment is null then null else '${ERASED_TEXT}' end,
              resolution_note = case when resolution_note is null then null else '${ERASED_TEXT}' end
        where vendor_id in (${hers}) and (dispute_comment is not null or resolution_note is not null)`,
      [userId],
    );
    await em.execute(`update mentoring_visit set notes = '', staff_notes = '', updated_at = now() where vendor_id in (${hers})`, [userId]);
    await em.execute(
      `update mentoring_follow_up set description = '${ERASED_TEXT}', updated_at = now() where visit_id in (select id from mentoring_visit where vendor_id in (${hers}))`,
      [userId],
    );
    return [
      { entityType: 'TurnoverReport', idsSql: `select id::text from turnover_report where vendor_id in (${hers})`, params: [userId] },
      { entityType: 'Enrolment', idsSql: `select id::text from training_enrolment where vendor_id in (${hers})`, params: [userId] },
      { entityType: 'MentoringVisit', idsSql: `select id::text from mentoring_visit where vendor_id in (${hers})`, params: [userId] },
      {
        entityType: 'MentoringFollowUp',
        idsSql: `select f.id::text from mentoring_follow_up f join mentoring_visit m on m.id = f.visit_id where m.vendor_id in (${hers})`,
        params: [userId],
      },
    ];
  },
};
