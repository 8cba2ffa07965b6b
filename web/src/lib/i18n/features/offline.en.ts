import type { offlineId } from './offline.id';

/** English texts of the offline pages. */
export const offlineEn: Record<keyof typeof offlineId, string> = {
  'offline.queued': 'No signal: “{label}” is kept on this phone and will be sent by itself once connected.',
  'offline.waiting': '{count} waiting to send',
  'offline.sending': 'Sending {count} entries…',
  'offline.refusedCount': '{count} refused',
  'offline.refused': 'Not stored: {message}',
  'offline.refusedPlain': 'the server refused this entry.',
  'offline.dismiss': 'Read, remove',
  'offline.sendNow': 'Send now',
  'offline.noConnection': 'No connection yet. The entries are safe on this phone.',
  'offline.signInAgain': 'Your session ended. Sign in again; the entries are sent afterwards.',
  'offline.serverBusy': 'The server cannot take them yet ({message}). Retrying by itself.',
  'offline.page.title': 'No connection',
  'offline.page.body':
    'There is no signal and this page is not on the phone yet. Pages you opened since signing in (in the last 12 hours) open again without signal, as they were last loaded; entries you fill in there are sent by themselves once the signal is back.',
  'offline.page.retry': 'Try again',
  'offline.share.whatsapp': 'Share on WhatsApp',
  'offline.share.landing': 'Kupang Peduli: Kupang city services for Ina Kasih and the SABOAK KOEPAN weekend market. {url}',
  'offline.share.marketDay': 'SABOAK KOEPAN market at Taman Nostalgia, {date}. Info and stall booking: {url}',
  'offline.share.booking': 'My stall at the SABOAK KOEPAN market: {date}, {status}. {url}',
  'offline.share.bookingLabel': 'stall details for {date}',
  'offline.share.reminder':
    'Hello {name}, a reminder from the SABOAK KOEPAN market: you are selling at stall {stall}, Taman Nostalgia, {date}. Please check in with the staff before {cutoff}. Thank you!',
  'offline.share.remind': 'Remind (WhatsApp)',
  'offline.share.remindLabel': 'reminder to {name}',
  'offline.share.noPhone': 'The mobile number of {name} cannot be used for WhatsApp.',
  'offline.progress.working': 'Working…',
  'offline.progress.percent': '{percent}% done',
  'offline.progress.download': 'Preparing and downloading the report',
};
