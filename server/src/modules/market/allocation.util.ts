import type { Locale } from '../../platform/i18n';
import type { AllocationFacts } from './entities/market-booking.entity';

/** How far back the rotation looks when counting a vendor's stall-days and no-shows. */
export const ROTATION_WEEKS = 8;

export interface AllocationRequest {
  bookingId: string;
  vendorId: string;
  category: string;
  zonePreference?: string;
  requestedAt: Date;
  recentStallDays: number;
  recentNoShows: number;
  recentPrimeDays: number;
}

export interface AllocationStall {
  id: string;
  code: string;
  zone: string;
  position: number;
  prime: boolean;
}

export interface AllocationOutcome {
  bookingId: string;
  stall?: AllocationStall;
  facts: AllocationFacts;
}

/**
 * The fair-rotation rule, as staff and vendors can read it:
 * 1. vendors with no recent no-show before those with one;
 * 2. then fewer stall-days in the last ROTATION_WEEKS weeks first;
 * 3. ties by request time (earlier first).
 * The first N get the N stalls; prime stalls go to the winners with the fewest recent prime
 * stall-days; each takes a stall in her preferred zone where possible and, where avoidable,
 * not next to a vendor of the same category. The rest are waitlisted in rank order.
 */
export function allocate(requests: AllocationRequest[], stalls: AllocationStall[]): AllocationOutcome[] {
  const ranked = [...requests].sort(
    (a, b) =>
      Number(a.recentNoShows > 0) - Number(b.recentNoShows > 0) ||
      a.recentStallDays - b.recentStallDays ||
      a.requestedAt.getTime() - b.requestedAt.getTime() ||
      a.bookingId.localeCompare(b.bookingId),
  );
  const winners = ranked.slice(0, stalls.length);
  const primeCount = stalls.filter((s) => s.prime).length;
  const primeWinners = new Set(
    [...winners]
      .map((w, rank) => ({ w, rank }))
      .sort((a, b) => a.w.recentPrimeDays - b.w.recentPrimeDays || a.rank - b.rank)
      .slice(0, primeCount)
      .map((x) => x.w.bookingId),
  );

  const free = new Set(stalls);
  const categoryAt = new Map<string, string>(); // "zone:position" -> category
  const outcomes: AllocationOutcome[] = [];
  winners.forEach((w, i) => {
    const wantsPrime = primeWinners.has(w.bookingId);
    let pool = [...free].filter((s) => s.prime === wantsPrime);
    if (!pool.length) pool = [...free];
    const score = (s: AllocationStall) =>
      (w.zonePreference && s.zone !== w.zonePreference ? 2 : 0) +
      (categoryAt.get(`${s.zone}:${s.position - 1}`) === w.category || categoryAt.get(`${s.zone}:${s.position + 1}`) === w.category ? 1 : 0);
    pool.sort((a, b) => score(a) - score(b) || a.zone.localeCompare(b.zone) || a.position - b.position);
    const stall = pool[0];
    free.delete(stall);
    categoryAt.set(`${stall.zone}:${stall.position}`, w.category);
    outcomes.push({
      bookingId: w.bookingId,
      stall,
      facts: {
        kind: 'ROTATION',
        rank: i + 1,
        of: ranked.length,
        recentStallDays: w.recentStallDays,
        recentNoShows: w.recentNoShows,
        recentPrimeDays: w.recentPrimeDays,
        weeks: ROTATION_WEEKS,
        prime: stall.prime,
        zoneWanted: w.zonePreference,
        zoneGranted: w.zonePreference ? stall.zone === w.zonePreference : undefined,
      },
    });
  });
  ranked.slice(winners.length).forEach((w, i) =>
    outcomes.push({
      bookingId: w.bookingId,
      facts: {
        kind: 'WAITLIST',
        rank: winners.length + i + 1,
        of: ranked.length,
        recentStallDays: w.recentStallDays,
        recentNoShows: w.recentNoShows,
        recentPrimeDays: w.recentPrimeDays,
        weeks: ROTATION_WEEKS,
        waitlistPosition: i + 1,
        stalls: stalls.length,
      },
    }),
  );
  return outcomes;
}

/** The stored facts as a sentence for the vendor, in her language. */
export function explain(facts: AllocationFacts | undefined, stallCode: string | undefined, locale: Locale): string | undefined {
  if (!facts) return undefined;
  const id = locale === 'id';
  const history = () =>
    id
      ? `dalam ${facts.weeks} minggu terakhir Anda berjualan ${facts.recentStallDays} hari` +
        (facts.recentNoShows ? ` dan ${facts.recentNoShows} kali tidak hadir (yang pernah tidak hadir diurutkan terakhir)` : ' tanpa pernah tidak hadir')
      : `in the last ${facts.weeks} weeks you had a stall on ${facts.recentStallDays} days` +
        (facts.recentNoShows ? ` and missed ${facts.recentNoShows} (vendors with a recent no-show come last)` : ' with no no-show');
  switch (facts.kind) {
    case 'ROTATION': {
      let s = id
        ? `Anda mendapat lapak ${stallCode}. Urutan ${facts.rank} dari ${facts.of} permintaan: ${history()}. Yang lebih jarang mendapat lapak didahulukan; bila sama, yang lebih dulu meminta.`
        : `You got stall ${stallCode}. Rank ${facts.rank} of ${facts.of} requests: ${history()}. Vendors with fewer recent stall-days go first; ties by request time.`;
      if (facts.prime) {
        s += id
          ? ` Lapak utama dibagi bergiliran: Anda baru ${facts.recentPrimeDays} kali mendapat lapak utama dalam ${facts.weeks} minggu.`
          : ` Prime stalls rotate: you had a prime stall ${facts.recentPrimeDays} times in ${facts.weeks} weeks.`;
      }
      if (facts.zoneWanted) {
        s += facts.zoneGranted
          ? id ? ` Zona pilihan ${facts.zoneWanted} terpenuhi.` : ` Your zone ${facts.zoneWanted} was granted.`
          : id ? ` Zona ${facts.zoneWanted} sudah penuh.` : ` Zone ${facts.zoneWanted} was full.`;
      }
      return s;
    }
    case 'WAITLIST':
      return id
        ? `Belum mendapat lapak: urutan ${facts.rank} dari ${facts.of} permintaan untuk ${facts.stalls ?? '?'} lapak; ${history()}. Anda di daftar tunggu nomor ${facts.waitlistPosition} dan naik otomatis bila ada yang membatalkan.`
        : `No stall yet: rank ${facts.rank} of ${facts.of} requests for ${facts.stalls ?? '?'} stalls; ${history()}. You are number ${facts.waitlistPosition} on the waitlist and move up automatically when someone cancels.`;
    case 'FIRST_COME':
      return id
        ? `Lapak ${stallCode} masih kosong setelah pembagian dan diberikan kepada yang lebih dulu meminta.`
        : `Stall ${stallCode} was still free after the allocation and went to the first to ask.`;
    case 'WAITLIST_LATE':
      return id
        ? `Semua lapak sudah terisi saat Anda meminta (setelah pembagian). Anda di daftar tunggu nomor ${facts.waitlistPosition}.`
        : `All stalls were taken when you asked (after the allocation). You are number ${facts.waitlistPosition} on the waitlist.`;
    case 'PROMOTED':
      return id
        ? `Naik dari daftar tunggu (nomor ${facts.waitlistPosition}) karena pedagang lain membatalkan: Anda mendapat lapak ${stallCode}.`
        : `Promoted from the waitlist (number ${facts.waitlistPosition}) after another vendor cancelled: you got stall ${stallCode}.`;
  }
}
