import type { commonId } from './common.id';

/** English texts every page shows (header, sign-in, homes, errors). */
export const commonEn: Record<keyof typeof commonId, string> = {
  'app.name': 'Kupang Peduli',
  'app.tagline': 'Ina Kasih · SABOAK KOEPAN',
  'app.description': 'Kota Kupang’s service: Ina Kasih pads for the women and girls of poor families, and stalls at the SABOAK KOEPAN weekend market for small businesses.',
  'app.skipToContent': 'Skip to content',
  'app.tableScroll': 'Table: scroll sideways to see every column',

  'header.signedInAs': 'Signed in as',
  'header.signIn': 'Sign in',
  'header.signOut': 'Sign out',

  'lang.title': 'Language',
  'lang.intro': 'Choose the language of the portal.',
  'lang.switch': 'Change language',

  'form.required': 'Required.',
  'form.hasErrors': 'Check the marked fields.',

  'landing.title': 'Kota Kupang services for women and micro-businesses',
  'landing.intro':
    'Kupang Peduli is used by Kota Kupang city staff, micro-business owners (UMKM) and CSR partners to run two city programs. Sign in with your account to start work.',
  'landing.inaKasih.title': 'Ina Kasih',
  'landing.inaKasih.body':
    'Free sanitary pads for women and girls aged 10–45 in low-income families (keluarga prasejahtera). Packs are delivered every month: door to door, at kelurahan offices, at schools and at health posts.',
  'landing.saboak.title': 'SABOAK KOEPAN',
  'landing.saboak.body':
    'A weekend UMKM market every Saturday and Sunday at Taman Nostalgia (Tamnos). Stalls are free; about 100 businesses take turns selling each weekend, with training and mentoring from the city.',
  'landing.signIn': 'Sign in to the portal',
  'landing.goHome': 'Go to your home page',
  'landing.market': 'Weekend market: who is selling',
  'landing.marketHint': 'The next market day, the businesses selling and their stalls.',
  'landing.register': 'Register your business',
  'landing.registerHint': 'For micro-businesses (UMKM) that want to sell at SABOAK KOEPAN. Stalls are free.',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with your mobile number or e-mail and your password.',
  'signIn.login': 'Mobile number or e-mail',
  'signIn.loginHint': 'For example 0812 3456 7890 or name@kupangkota.go.id',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.sessionExpired': 'Your session has expired. Please sign in again.',
  'signIn.forgot': 'Forgot your password?',
  'signIn.forgotVendor':
    'Vendors (UMKM): ask the SABOAK KOEPAN market staff (service desk at Taman Nostalgia, or by phone/WhatsApp) to reset your password. The staff check that it is you, then give you a temporary password.',
  'signIn.forgotStaff': 'Staff and partners: contact the Kota Kupang portal administrator.',
  'signIn.forgotNext': 'Sign in with that temporary password: the portal then asks you to choose a new password. The temporary password works only once.',

  'signOut.title': 'Sign out',
  'signOut.confirm': 'Sign out of Kupang Peduli on this device?',
  'signOut.submit': 'Sign out',

  'role.ADMIN': 'Administrator',
  'role.PROGRAM_STAFF': 'Ina Kasih program staff',
  'role.MARKET_STAFF': 'SABOAK KOEPAN market staff',
  'role.VENDOR': 'Micro-business owner (UMKM)',
  'role.PARTNER': 'CSR partner',
  'role.LEADERSHIP': 'City leadership',

  'home.welcome': 'Welcome, {name}',
  'home.role': 'Role: {role}',
  'home.ADMIN':
    'You manage user accounts and their roles, program data, and partners and funding sources (CSR, APBD, DAK). You can also open the program staff and market staff pages.',
  'home.PROGRAM_STAFF':
    'You register and verify Ina Kasih beneficiary families, plan the monthly distribution rounds, record every pack delivered and follow coverage by kelurahan.',
  'home.MARKET_STAFF':
    'You approve vendors, lay out the stalls at Taman Nostalgia, run check-in on market days, log each business’s turnover at closing, and run trainings and mentoring.',
  'home.VENDOR':
    'You register your business, book a free stall for a coming weekend (or cancel it), see your turnover history and sign up for trainings.',
  'home.PARTNER':
    'You see what your organisation’s support achieved: families and women reached, packs delivered, vendors supported, turnover and trainings, and download the report. Figures are totals only, without names or identities.',
  'home.LEADERSHIP':
    'You see what the city’s two programs (Ina Kasih and the SABOAK KOEPAN market) achieved month by month, download the report and print a one-page summary. Figures only, no personal data.',
  'home.scope': 'Work area: {areas}',
  'home.scopeCity': 'Work area: all of Kota Kupang',
  'home.partner': 'Organisation: {name}',

  'nav.label': '{section} menu',
  'nav.home': 'Home',

  'area.admin': 'Administration',
  'area.program': 'Ina Kasih program',
  'area.pasar': 'SABOAK KOEPAN market',
  'area.usaha': 'My business',
  'area.mitra': 'CSR partner',
  'area.kota': 'City dashboard',

  'admin.users.title': 'User accounts',
  'admin.users.count': 'Showing {shown} of {total} accounts.',
  'admin.users.name': 'Name',
  'admin.users.role': 'Role',
  'admin.users.contact': 'Contact',
  'admin.users.status': 'Status',
  'admin.users.active': 'Active',
  'admin.users.inactive': 'Disabled',
  'admin.create.title': 'Create an account',
  'admin.create.fullName': 'Full name',
  'admin.create.email': 'E-mail',
  'admin.create.phone': 'Mobile number',
  'admin.create.loginHint': 'Give a mobile number, an e-mail address or both; either can be used to sign in.',
  'admin.create.role': 'Role',
  'admin.create.rolePlaceholder': 'Choose a role',
  'admin.create.password': 'First password',
  'admin.create.passwordHint': 'At least 8 characters. Ask the account holder to change it.',
  'admin.create.partner': 'Partner organisation',
  'admin.create.partnerHint': 'Required for CSR partner accounts.',
  'admin.create.partnerNone': 'None',
  'admin.create.kelurahan': 'Kelurahan limit',
  'admin.create.kelurahanHint': 'Program staff only. Leave empty for the whole city.',
  'admin.create.submit': 'Create account',
  'admin.create.submitting': 'Saving…',
  'admin.create.created': 'The account for {name} was created.',

  'error.401': 'Please sign in',
  'error.403': 'Access denied',
  'error.404': 'Page not found',
  'error.generic': 'Something went wrong',
  'error.notFound': 'This address does not exist in Kupang Peduli.',
  'error.forbidden': 'This page is not available for your role.',
  'error.unexpected': 'Something went wrong on the server. Please try again.',
  'error.apiUnreachable': 'The service cannot be reached. Please try again shortly.',
  'error.backHome': 'Back to your home page',
  'error.toStart': 'To the start page',
  'error.signIn': 'Sign in',
};
