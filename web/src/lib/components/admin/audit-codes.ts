/** The audit trail's actions and record kinds the portal names in words (lib/i18n/features/admin.*). */
/**
 * The actions the trail names in words. One text split on spaces: some codes (ina.round.close)
 * are spelled like message keys, and the portal's message-key check reads single quoted words.
 */
export const AUDIT_ACTIONS: readonly string[] = `
  user.create user.disable user.enable user.reset_password user.set_locale auth.sign_in
  account.export account.erase personal_data.read partner.create partner.update_contact
  funding.source.create funding.transaction.record funding.transaction.reverse ina.program.create
  ina.rule.set ina.family.register ina.family.update ina.family.set_status ina.family.change_kk
  ina.family.withdraw_consent ina.family.read ina.family.list ina.family.reveal_id
  ina.family.export ina.family.import ina.family.import_report ina.member.add ina.member.update
  ina.duplicate.resolve ina.round.open ina.round.close ina.round.plan_read
  ina.distribution.record ina.distribution.reverse ina.stock.receive market.vendor.register
  market.vendor.approve market.vendor.update_own market.vendor.list market.stall.create
  market.stall.update market.day.add market.day.generate market.day.update market.day.cancel
  market.day.allocate market.day.mark_no_shows market.booking.request market.booking.cancel
  market.booking.check_in turnover.record turnover.confirm turnover.dispute turnover.resolve
  turnover.correct training.create training.cancel training.enrol_vendor
  training.cancel_enrolment training.attendance mentoring.visit.record
  mentoring.follow_up.set_done
`.trim().split(/\s+/);

/**
 * Filter choices: a kind of action is the actions of some areas (the part before the first dot,
 * e.g. `user` for user.create and user.disable) and some exact actions.
 */
export const AUDIT_GROUPS = {
  accounts: { areas: ['user', 'auth', 'account'], exact: [] },
  reads: { areas: [], exact: ['personal_data.read'] },
  partners: { areas: ['partner', 'funding'], exact: [] },
  ina: { areas: ['ina'], exact: [] },
  market: { areas: ['market'], exact: [] },
  turnover: { areas: ['turnover', 'training', 'mentoring'], exact: [] },
} as const satisfies Record<string, { areas: readonly string[]; exact: readonly string[] }>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;

/** What the API's `actions` filter takes for a group: a prefix ending in a dot per area, and the exact actions. */
export function groupFilter(group: AuditGroup): string[] {
  const g = AUDIT_GROUPS[group];
  return [...g.areas.map((area) => `${area}.`), ...g.exact];
}

/** The known actions of a group, for the choices of one action. */
export function groupActions(group: AuditGroup): string[] {
  const areas: readonly string[] = AUDIT_GROUPS[group].areas;
  return AUDIT_ACTIONS.filter((a) => areas.includes(a.split('.')[0]));
}

export const AUDIT_ENTITIES = ['User', 'Family', 'FamilyMember', 'Vendor', 'Partner', 'FundingSource', 'FundingTransaction', 'Distribution', 'DistributionRound', 'DuplicateFlag', 'FamilyImportJob', 'Program', 'EntitlementRule', 'StockLot', 'MarketBooking', 'MarketDay', 'MarketStall', 'TurnoverReport', 'Training', 'Enrolment', 'MentoringVisit', 'MentoringFollowUp'] as const;

/** Keys of before/after values the trail names in words; any other is shown as it is stored. */
export const AUDIT_FIELDS: readonly string[] = `
  active sessionsEnded fullName role email phone kelurahan locale name sector contactName contactEmail contactPhone fields via records status amount reason note
`.trim().split(/\s+/);
