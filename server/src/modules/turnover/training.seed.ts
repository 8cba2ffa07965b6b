import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { addDays, cityClock, witaDate, witaInstant } from '../../platform/wita-clock';

const AULA_KOPERASI = 'Aula Dinas Koperasi dan UKM Kota Kupang';
const BANK = 'Bank Flobamora (demo)';
const SAHABAT = 'PT Sahabat Perempuan Nusantara (demo)';

/** Eight trainings over the past year and two coming ones; days relative to today (WITA). */
const TRAININGS: { title: string; topic: string; day: number; place: string; trainer: string; capacity: number; partner?: string; description?: string }[] = [
  { title: 'Pembukuan sederhana dengan buku kas harian', topic: 'BOOKKEEPING', day: -330, place: AULA_KOPERASI, trainer: 'Ibu Merry Nalle, S.E.', capacity: 25, partner: BANK },
  { title: 'Kemasan dan label produk pangan', topic: 'PACKAGING', day: -280, place: 'Aula Kantor Lurah Oebobo', trainer: 'Bapak Roby Tefa', capacity: 20, partner: SAHABAT },
  { title: 'Izin PIRT dan keamanan pangan rumahan', topic: 'FOOD_SAFETY_PIRT', day: -230, place: 'Aula Dinas Kesehatan Kota Kupang', trainer: 'dr. Yohana Pello', capacity: 30 },
  { title: 'Mendaftar NIB lewat OSS', topic: 'NIB_REGISTRATION', day: -180, place: 'Mal Pelayanan Publik Kota Kupang', trainer: 'Tim DPMPTSP Kota Kupang', capacity: 25 },
  { title: 'Jualan daring lewat WhatsApp Business dan marketplace', topic: 'DIGITAL_SELLING', day: -130, place: 'Taman Nostalgia (Tamnos)', trainer: 'Kak Ferdy Lerik', capacity: 25, partner: BANK },
  { title: 'Sertifikasi halal gratis (SEHATI) untuk UMKM pangan', topic: 'HALAL_CERTIFICATION', day: -80, place: 'Aula Kantor Kementerian Agama Kota Kupang', trainer: 'Pendamping PPH Kota Kupang', capacity: 20, partner: SAHABAT },
  { title: 'Menghitung harga pokok dan laba', topic: 'BOOKKEEPING', day: -40, place: AULA_KOPERASI, trainer: 'Ibu Merry Nalle, S.E.', capacity: 25 },
  { title: 'Menata lapak dan melayani pembeli', topic: 'OTHER', day: -12, place: 'Taman Nostalgia (Tamnos)', trainer: 'Ibu Oktovina Sinlae', capacity: 25, partner: BANK },
  { title: 'Foto produk yang menarik, cukup dengan HP', topic: 'DIGITAL_SELLING', day: 9, place: 'Taman Nostalgia (Tamnos)', trainer: 'Kak Ferdy Lerik', capacity: 15, partner: SAHABAT, description: 'Bawa HP dan dua atau tiga produk Anda.' },
  { title: 'Kemasan ramah lingkungan dari daun lontar', topic: 'PACKAGING', day: 23, place: 'Aula Kantor Lurah Naimata', trainer: 'Bapak Roby Tefa', capacity: 10 },
];

const VISITS: { vendor: number; day: number; topic: string; notes: string; staffNotes: string; followUps: [string, number | null][] }[] = [
  { vendor: 0, day: -120, topic: 'BOOKKEEPING', notes: 'Buku kas sudah dipakai tiap hari pasar. Pisahkan uang usaha dan uang rumah.', staffNotes: 'Semangat, tetapi masih mencampur uang belanja dapur.', followUps: [['Buka rekening tabungan usaha', -90], ['Catat pembelian bahan baku di buku kas', -110]] },
  { vendor: 0, day: -30, topic: 'DIGITAL_SELLING', notes: 'Katalog WhatsApp Business sudah berisi 6 produk; foto perlu lebih terang.', staffNotes: '', followUps: [['Ambil ulang foto produk di siang hari', null], ['Cantumkan harga di katalog', -20]] },
  { vendor: 4, day: -75, topic: 'FOOD_SAFETY_PIRT', notes: 'Dapur bersih; perlu tempat cuci tangan dan wadah tertutup.', staffNotes: 'Berkas PIRT belum lengkap: surat keterangan sehat.', followUps: [['Minta surat keterangan sehat di puskesmas', -60], ['Ajukan PIRT ke Dinas Kesehatan', null]] },
  { vendor: 7, day: -50, topic: 'PACKAGING', notes: 'Kemasan madu diganti botol kaca 250 ml dengan label baru.', staffNotes: '', followUps: [['Cetak 200 label baru', -35]] },
  { vendor: 11, day: -20, topic: 'NIB_REGISTRATION', notes: 'NIB terbit lewat OSS saat kunjungan.', staffNotes: 'Butuh bantuan lagi untuk sertifikat halal.', followUps: [['Daftar SEHATI untuk sertifikat halal', null]] },
  { vendor: 15, day: -8, topic: 'OTHER', notes: 'Lapak lebih rapi; tambahkan papan harga.', staffNotes: '', followUps: [['Buat papan harga dari kayu bekas', null]] },
];

/**
 * Trainings and mentoring demo data: eight trainings over the past year (some sponsored by the
 * demo CSR partners) with enrolments, attendance and certificates of the demo vendors, two coming
 * trainings to join (one with a waitlist), and mentoring visits with follow-ups. The demo vendor
 * (081234560001) holds two certificates and is free to join the next training. Safe to run twice.
 */
export async function seedTrainingDemo(em: EntityManager, logger: Logger): Promise<void> {
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  if ((await sql(`select 1 from training where title = ?`, [TRAININGS[0].title])).length) return;
  const vendors: { id: string }[] = await sql(`select id from market_vendor where status = 'APPROVED' and phone like '+628123456%' order by phone`);
  const [mentor] = await sql(`select id from app_user where email = 'pasar@kupang.demo'`);
  if (vendors.length < 30 || !mentor) return;
  const today = witaDate(cityClock.now());

  let enrolments = 0;
  let attended = 0;
  for (const [k, tr] of TRAININGS.entries()) {
    const date = addDays(today, tr.day);
    const [{ id }] = await sql(
      `insert into training (id, created_at, updated_at, title, topic, description, starts_at, ends_at, place, trainer, capacity, partner_id, created_by_id)
       values (gen_random_uuid(), ?, now(), ?, ?, ?, ?, ?, ?, ?, ?, (select id from partner where name = ?), ?) returning id`,
      [witaInstant(addDays(date, -21), '10:00'), tr.title, tr.topic, tr.description ?? null, witaInstant(date, '09:00'), witaInstant(date, '12:00'), tr.place, tr.trainer, tr.capacity, tr.partner ?? null, mentor.id],
    );
    const past = tr.day < 0;
    // Past: 80% of the seats taken; coming: 12 of 15, or a full training with two waiting.
    const seated = past ? Math.round(tr.capacity * 0.8) : tr.capacity === 15 ? 12 : tr.capacity;
    const waiting = !past && tr.capacity !== 15 ? 2 : 0;
    const rows = Array.from({ length: seated + waiting }, (_, i) => {
      // The demo vendor (index 0) attended the two most recent past trainings and is free to join the next one.
      const v = past && tr.day > -60 && i === 0 ? 0 : 1 + ((i + k * 7) % (vendors.length - 1));
      return { vendor: vendors[v].id, status: i < seated ? 'ENROLLED' : 'WAITLISTED', position: i < seated ? null : i - seated + 1, attended: past && i < seated ? i % 7 !== 6 : null, n: i };
    });
    await sql(
      `insert into training_enrolment (id, created_at, updated_at, training_id, vendor_id, status, waitlist_position, requested_at, self_enrolled,
                                       attended, attendance_recorded_at, attendance_recorded_by_id, certificate_number)
       select gen_random_uuid(), now(), now(), ?, x.vendor, x.status, x.position, ?::timestamptz + x.n * interval '37 minutes', x.n % 3 <> 0,
              x.attended, case when x.attended is not null then ?::timestamptz end, case when x.attended is not null then ?::uuid end,
              case when x.attended then 'SERT-' || ? || '-' || lpad(nextval('training_certificate_seq')::text, 6, '0') end
         from jsonb_to_recordset(?::jsonb) as x(vendor uuid, status text, position int, attended boolean, n int)
        order by x.n`,
      [id, witaInstant(addDays(date, -20), '08:00'), witaInstant(date, '12:00'), mentor.id, date.slice(0, 4), JSON.stringify(rows)],
    );
    enrolments += rows.length;
    attended += rows.filter((r) => r.attended).length;
  }

  for (const v of VISITS) {
    const [{ id }] = await sql(
      `insert into mentoring_visit (id, created_at, updated_at, vendor_id, mentor_id, visit_date, topic, notes, staff_notes, recorded_by_id)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?, ?) returning id`,
      [vendors[v.vendor].id, mentor.id, addDays(today, v.day), v.topic, v.notes, v.staffNotes, mentor.id],
    );
    for (const [i, [text, doneDay]] of v.followUps.entries()) {
      await sql(
        `insert into mentoring_follow_up (id, created_at, updated_at, visit_id, position, description, done, done_on, done_recorded_by_id)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?)`,
        [id, i + 1, text, doneDay != null, doneDay != null ? addDays(today, doneDay) : null, doneDay != null ? mentor.id : null],
      );
    }
  }
  logger.info({ trainings: TRAININGS.length, enrolments, attended, visits: VISITS.length }, 'training demo data seeded');
}
