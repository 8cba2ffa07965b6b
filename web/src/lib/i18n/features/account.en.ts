import type { accountId } from './account.id';

/** English texts of the pages about one's own data (same keys as account.id.ts). */
export const accountEn: Record<keyof typeof accountId, string> = {
  'account.nav.mine': 'My data',

  'account.title': 'My data',
  'account.intro': 'You have the right to a copy of all the data we keep about you (Law 27/2022 on Personal Data Protection).',
  'account.export.title': 'Download my data',
  'account.export.staff': 'The copy holds your account (name, e-mail, phone number, role, work area), your sign-in sessions with their network addresses, and a summary of your activity (kinds and numbers of actions).',
  'account.export.vendor': 'The copy holds your account and business, every stall booking, your consent to be shown on the public page, your turnover per market day (every version, with your confirmations and disputes), your trainings and certificates, and the mentoring notes you were given.',
  'account.export.json': 'Download my data (JSON)',
  'account.export.csv': 'Download my data (CSV)',
  'account.export.note': 'Every download is recorded in the audit trail.',

  'account.erase.title': 'Erase my data',
  'account.erase.intro': 'You can have your personal data erased. The erasure takes effect at once and cannot be undone: afterwards you are signed out and cannot sign in with this account again.',
  'account.erase.erasedTitle': 'What is erased',
  'account.erase.erased1': 'Business name, owner name, phone number, NIB and what you sell',
  'account.erase.erased2': 'Your account: name, phone number, password and every sign-in session',
  'account.erase.erased3': 'Your turnover dispute comments and their answers, and the mentoring notes and follow-ups',
  'account.erase.erased4': 'The personal values in the audit trail (who did what stays recorded, without your name)',
  'account.erase.keptTitle': 'What is kept, without your name, and why',
  'account.erase.kept1': 'Your vendor number, business category and kelurahan: the city’s and the CSR partners’ reports are built per category and kelurahan.',
  'account.erase.kept2': 'Stall bookings, check-ins and turnover per market day: the figures already reported to the city and to partners are counted from them and must not change.',
  'account.erase.kept3': 'Training attendance and certificate numbers: the accounts of trainings that partners paid for; your certificate can still be checked, without a name.',
  'account.erase.kept4': 'The audit trail: the record of who did what and when, which must be kept; it no longer holds your personal data.',
  'account.erase.backups': 'Backup copies made before stay until they reach the end of their keeping period.',
  'account.erase.before': 'Before erasing: cancel your stall bookings and leave any training to come. Download your data first if you want to keep it.',
  'account.erase.password': 'Your password',
  'account.erase.confirm': 'I have read what is erased and what is kept, and I want my data erased.',
  'account.erase.submit': 'Erase my data now',

  'account.erased.title': 'Your data has been erased',
  'account.erased.text': 'Your personal data has been erased and you are signed out. Thank you for selling at SABOAK KOEPAN.',
  'account.erased.again': 'Want to sell again? You can register anew with the same phone number.',
  'account.erased.register': 'Register a business',

  'account.password.title': 'Choose a new password',
  'account.password.temporary': 'You signed in with a temporary password. Choose your own password before you carry on.',
  'account.password.intro': 'Choose a password you remember easily but others cannot guess, at least 8 characters.',
  'account.password.current': 'Temporary (or current) password',
  'account.password.new': 'New password',
  'account.password.repeat': 'Repeat the new password',
  'account.password.mismatch': 'The two new passwords differ.',
  'account.password.submit': 'Save the new password',
  'account.password.done': 'Your new password is saved.',
};
