import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedTrainingDemo } from './training.seed';
import { createLogger } from '../../platform/logger';

describe('training demo data (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('seeds ten trainings, attendance with certificates and mentoring visits, within capacity, and is safe to run twice', async () => {
    await seedTrainingDemo(t.em(), createLogger('silent'));
    const [counts] = await t.sql(`select (select count(*)::int from training) as trainings,
      (select count(*)::int from training_enrolment where attended) as attended,
      (select count(*)::int from training_enrolment where certificate_number is not null) as certificates,
      (select count(*)::int from training where partner_id is not null) as sponsored,
      (select count(*)::int from mentoring_visit) as visits,
      (select count(*)::int from training_enrolment where status = 'WAITLISTED') as waitlisted`);
    expect(counts).toMatchObject({ trainings: 10, visits: 6, sponsored: 6, waitlisted: 2 });
    expect(counts.attended).toBe(counts.certificates);
    expect(counts.attended).toBeGreaterThan(100);
    const demo = await (await t.as('081234560001')).ok<any>('{ myCertificates { number trainingTitle } myMentoringVisits(first: 5) { totalCount } }');
    expect(demo.myCertificates).toHaveLength(2);
    expect(demo.myMentoringVisits.totalCount).toBe(2);
  });
});
