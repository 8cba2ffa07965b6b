import type { RequestContext } from '../../graphql/context';
import { isUuid } from '../../platform/refusal';
import { witaDate } from '../../platform/wita-clock';
import type { TrainingTopic } from './training.enums';
import type { Certificate, CertificateVerification } from './training.types';

/** A verification code as printed (ABCD-EFGH-JKLM) or typed (lower case, spaces, dashes), or null when it cannot be one. */
export function normalizeCertificateCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-HJ-NP-Z2-9]{12}$/.test(code) ? code : null;
}

const SELECT = `select e.id as enrolment_id, e.certificate_number, e.certificate_code, e.attended, v.business_name, v.owner_name, v.public_consent,
                       t.title, t.topic, t.starts_at, t.ends_at, t.place, t.trainer, p.name as sponsor_name
                  from training_enrolment e
                  join training t on t.id = e.training_id
                  join market_vendor v on v.id = e.vendor_id
                  left join partner p on p.id = t.partner_id`;

interface Row {
  enrolment_id: string;
  certificate_number: string;
  certificate_code: string;
  attended: boolean;
  business_name: string;
  owner_name: string;
  public_consent: boolean;
  title: string;
  topic: TrainingTopic;
  starts_at: Date;
  ends_at: Date;
  place: string;
  trainer: string;
  sponsor_name: string | null;
}

const toCertificate = (r: Row): Certificate => ({
  number: r.certificate_number,
  code: r.certificate_code,
  businessName: r.business_name,
  ownerName: r.owner_name,
  trainingTitle: r.title,
  topic: r.topic,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  place: r.place,
  trainer: r.trainer,
  sponsorName: r.sponsor_name ?? undefined,
  enrolmentId: r.enrolment_id,
});

/** Certificates of attendance: one per participant marked present, numbered by the database. */
export class CertificateService {
  /** The signed-in vendor's certificates, newest training first (one statement). */
  async mine(ctx: RequestContext): Promise<Certificate[]> {
    if (!ctx.user) return [];
    const rows: Row[] = await ctx.em.getConnection().execute(
      `${SELECT} where v.user_id = ? and e.attended and e.certificate_number is not null order by t.starts_at desc`,
      [ctx.user.id],
    );
    return rows.map((r) => ({ ...toCertificate(r), holderUserId: ctx.user!.id }));
  }

  /** The certificate of one participant, for the staff print page; none unless she was marked present. */
  async forEnrolment(ctx: RequestContext, enrolmentId: string): Promise<Certificate | undefined> {
    if (!isUuid(enrolmentId)) return undefined;
    const [row]: Row[] = await ctx.em.getConnection().execute(`${SELECT} where e.id = ? and e.attended and e.certificate_number is not null`, [enrolmentId]);
    return row ? toCertificate(row) : undefined;
  }

  /**
   * Public check of a certificate by its verification code (never by its sequential number, which
   * could be walked): the training, its date, and the business name only when the vendor agreed
   * to be shown publicly. Never the owner's name, any contact data or the certificate number. A
   * wrong or malformed code gives the same empty answer.
   */
  async verify(ctx: RequestContext, typed: string): Promise<CertificateVerification | undefined> {
    const code = normalizeCertificateCode(typed);
    if (!code) return undefined;
    const [row]: Row[] = await ctx.em.getConnection().execute(`${SELECT} where e.certificate_code = ?`, [code]);
    if (!row) return undefined;
    return {
      code: row.certificate_code,
      valid: row.attended === true,
      businessName: row.public_consent ? row.business_name : undefined,
      trainingTitle: row.title,
      date: witaDate(new Date(row.starts_at)),
    };
  }
}
