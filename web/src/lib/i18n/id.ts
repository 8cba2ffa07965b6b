import { commonId } from './common.id';
import { accountId } from './features/account.id';
import { fundingId } from './features/funding.id';
import { inaKasihId } from './features/ina-kasih.id';
import { marketId } from './features/market.id';
import { offlineId } from './features/offline.id';
import { trainingId } from './features/training.id';
import { turnoverId } from './features/turnover.id';

/** Bahasa Indonesia: the source language; every other dictionary must have the same keys. */
export const id = {
  ...commonId,
  ...marketId,
  ...turnoverId,
  ...trainingId,
  ...inaKasihId,
  ...fundingId,
  ...offlineId,
  ...accountId,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof id;
