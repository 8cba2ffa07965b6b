import { FEATURES, type FeatureMessageKey } from '$lib/features';
import { commonId } from './common.id';

export type MessageKey = keyof typeof commonId | FeatureMessageKey;

/**
 * Bahasa Indonesia, the source language, whole (server code): the shell's texts and every
 * registered feature's (lib/features), loaded once when the server starts.
 */
export const id: Record<MessageKey, string> = Object.assign({ ...commonId }, ...(await Promise.all(FEATURES.map((f) => f.messages.id()))));
