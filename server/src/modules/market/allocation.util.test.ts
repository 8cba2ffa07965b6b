import { describe, expect, it } from 'vitest';
import { allocate, explain, type AllocationRequest, type AllocationStall } from './allocation.util';

const stall = (code: string, prime = false): AllocationStall => ({ id: code, code, zone: code[0], position: Number(code.slice(2)), prime });
let clock = 0;
const request = (id: string, over: Partial<AllocationRequest> = {}): AllocationRequest => ({
  bookingId: id,
  vendorId: id,
  category: 'KULINER',
  requestedAt: new Date(Date.UTC(2027, 0, 1, 0, clock++)),
  recentStallDays: 0,
  recentNoShows: 0,
  recentPrimeDays: 0,
  ...over,
});
const byId = (outcomes: ReturnType<typeof allocate>) => Object.fromEntries(outcomes.map((o) => [o.bookingId, o]));

describe('fair rotation (the pure rule)', () => {
  it.each([
    ['fewer recent stall-days first', [request('often', { recentStallDays: 4 }), request('rarely', { recentStallDays: 1 })], ['rarely']],
    ['a recent no-show comes last even with fewer stall-days', [request('absent', { recentNoShows: 1 }), request('busy', { recentStallDays: 6 })], ['busy']],
    ['ties go to the earlier request', [request('first'), request('second')], ['first']],
  ])('%s', (_, requests, winners) => {
    const out = allocate(requests, [stall('A-01')]);
    expect(out.filter((o) => o.stall).map((o) => o.bookingId)).toEqual(winners);
    expect(out.find((o) => !o.stall)!.facts).toMatchObject({ kind: 'WAITLIST', waitlistPosition: 1, rank: 2, of: 2 });
  });

  it('rotates prime stalls to the winners who had them least', () => {
    const out = byId(allocate([request('hadPrime', { recentPrimeDays: 3 }), request('neverPrime', { recentStallDays: 1 })], [stall('A-01', true), stall('B-01')]));
    expect(out.neverPrime.stall!.code).toBe('A-01');
    expect(out.hadPrime.stall!.code).toBe('B-01');
    expect(explain(out.neverPrime.facts, 'A-01', 'id')).toContain('Lapak utama dibagi bergiliran');
  });

  it('honours a zone preference and keeps two sellers of one category apart where it can', () => {
    const stalls = [stall('A-01'), stall('A-02'), stall('A-03'), stall('B-01')];
    const out = byId(
      allocate(
        [request('se1', { category: 'KULINER' }), request('se2', { category: 'KULINER' }), request('tenun', { category: 'TENUN_FESYEN', zonePreference: 'B' })],
        stalls,
      ),
    );
    expect(out.tenun.stall!.code).toBe('B-01');
    expect(out.tenun.facts.zoneGranted).toBe(true);
    expect([out.se1.stall!.code, out.se2.stall!.code]).toEqual(['A-01', 'A-03']);
  });

  it('explains in both languages', () => {
    const [o] = allocate([request('x', { recentStallDays: 2 })], [stall('C-04')]);
    expect(explain(o.facts, 'C-04', 'id')).toMatch(/^Anda mendapat lapak C-04\. Urutan 1 dari 1 permintaan: dalam 8 minggu terakhir Anda berjualan 2 hari/);
    expect(explain(o.facts, 'C-04', 'en')).toMatch(/^You got stall C-04\. Rank 1 of 1 requests/);
  });
});
