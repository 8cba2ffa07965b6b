/** Bahasa Indonesia texts every page shows (header, sign-in, homes, errors); the English file must have the same keys. */
export const commonId = {
  'app.name': 'Kupang Peduli',
  'app.tagline': 'Ina Kasih · SABOAK KOEPAN',
  'app.description': 'Layanan Kota Kupang: pembalut Ina Kasih untuk perempuan dan remaja putri keluarga prasejahtera, dan lapak pasar akhir pekan SABOAK KOEPAN untuk UMKM.',
  'app.skipToContent': 'Langsung ke isi',
  'app.tableScroll': 'Tabel: geser ke samping untuk melihat semua kolom',

  'header.signedInAs': 'Masuk sebagai',
  'header.signIn': 'Masuk',
  'header.signOut': 'Keluar',

  'lang.title': 'Bahasa',
  'lang.intro': 'Pilih bahasa tampilan portal.',
  'lang.switch': 'Ganti bahasa',

  'form.required': 'Wajib diisi.',
  'form.hasErrors': 'Periksa isian yang ditandai.',

  'landing.title': 'Portal layanan Kota Kupang untuk perempuan dan pelaku UMKM',
  'landing.intro':
    'Kupang Peduli dipakai petugas Pemerintah Kota Kupang, pelaku UMKM dan mitra CSR untuk menjalankan dua program kota. Masuk dengan akun Anda untuk mulai bekerja.',
  'landing.inaKasih.title': 'Ina Kasih',
  'landing.inaKasih.body':
    'Pembalut gratis bagi perempuan dan remaja putri usia 10–45 tahun dari keluarga prasejahtera. Paket disalurkan setiap bulan: dari rumah ke rumah, di kantor kelurahan, di sekolah dan di posyandu.',
  'landing.saboak.title': 'SABOAK KOEPAN',
  'landing.saboak.body':
    'Pasar UMKM akhir pekan setiap Sabtu dan Minggu di Taman Nostalgia (Tamnos). Lapak gratis; sekitar 100 pelaku UMKM berjualan bergiliran setiap akhir pekan, dengan pelatihan dan pendampingan dari kota.',
  'landing.signIn': 'Masuk ke portal',
  'landing.goHome': 'Ke beranda Anda',
  'landing.market': 'Pasar akhir pekan: siapa berjualan',
  'landing.marketHint': 'Hari pasar berikutnya, usaha yang berjualan dan lapaknya.',
  'landing.register': 'Daftarkan usaha Anda',
  'landing.registerHint': 'Untuk pelaku UMKM yang ingin berjualan di SABOAK KOEPAN. Lapak gratis.',

  'signIn.title': 'Masuk',
  'signIn.intro': 'Masuk dengan nomor HP atau e-mail dan kata sandi Anda.',
  'signIn.login': 'Nomor HP atau e-mail',
  'signIn.loginHint': 'Contoh: 0812 3456 7890 atau nama@kupangkota.go.id',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.submitting': 'Sedang masuk…',
  'signIn.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'signIn.forgot': 'Lupa kata sandi?',
  'signIn.forgotVendor':
    'Pelaku UMKM: minta staf pasar SABOAK KOEPAN (meja layanan di Taman Nostalgia, atau lewat telepon/WhatsApp) mengatur ulang kata sandi Anda. Staf memeriksa bahwa itu memang Anda, lalu memberi kata sandi sementara.',
  'signIn.forgotStaff': 'Staf dan mitra: hubungi administrator portal Kota Kupang.',
  'signIn.forgotNext': 'Masuk dengan kata sandi sementara itu: portal langsung meminta Anda membuat kata sandi baru. Kata sandi sementara hanya bisa dipakai sekali.',

  'signOut.title': 'Keluar',
  'signOut.confirm': 'Keluar dari Kupang Peduli di perangkat ini?',
  'signOut.submit': 'Keluar',

  'role.ADMIN': 'Administrator',
  'role.PROGRAM_STAFF': 'Staf program Ina Kasih',
  'role.MARKET_STAFF': 'Staf pasar SABOAK KOEPAN',
  'role.VENDOR': 'Pelaku UMKM',
  'role.PARTNER': 'Mitra CSR',
  'role.LEADERSHIP': 'Pimpinan kota',

  'home.welcome': 'Selamat datang, {name}',
  'home.role': 'Peran: {role}',
  'home.ADMIN':
    'Anda mengelola akun pengguna dan perannya, data program, serta mitra dan sumber pendanaan (CSR, APBD, DAK). Anda juga dapat membuka halaman staf program dan staf pasar.',
  'home.PROGRAM_STAFF':
    'Anda mendaftarkan dan memverifikasi keluarga penerima manfaat Ina Kasih, merencanakan penyaluran bulanan, mencatat setiap paket yang diterima, dan memantau cakupan per kelurahan.',
  'home.MARKET_STAFF':
    'Anda menyetujui pelaku UMKM, mengatur lapak di Taman Nostalgia, mencatat kehadiran pada hari pasar dan omzet setiap usaha saat tutup, serta menjalankan pelatihan dan pendampingan.',
  'home.VENDOR':
    'Anda mendaftarkan usaha, memesan lapak gratis untuk akhir pekan mendatang (atau membatalkannya), melihat riwayat omzet usaha Anda, dan mendaftar pelatihan.',
  'home.PARTNER':
    'Anda melihat hasil dukungan organisasi Anda: keluarga dan perempuan yang terjangkau, paket yang tersalurkan, pelaku UMKM yang didukung, omzet dan pelatihan, lalu mengunduh laporannya. Data ditampilkan sebagai angka gabungan tanpa nama atau identitas.',
  'home.LEADERSHIP':
    'Anda melihat capaian kedua program kota (Ina Kasih dan pasar SABOAK KOEPAN) per bulan, mengunduh laporannya dan mencetak ringkasan satu halaman. Hanya angka, tanpa data pribadi.',
  'home.scope': 'Wilayah kerja: {areas}',
  'home.scopeCity': 'Wilayah kerja: seluruh Kota Kupang',
  'home.partner': 'Organisasi: {name}',

  'nav.label': 'Menu {section}',
  'nav.home': 'Beranda',

  'area.admin': 'Administrasi',
  'area.program': 'Program Ina Kasih',
  'area.pasar': 'Pasar SABOAK KOEPAN',
  'area.usaha': 'Usaha saya',
  'area.mitra': 'Mitra CSR',
  'area.kota': 'Dasbor kota',

  'admin.users.title': 'Akun pengguna',
  'admin.users.count': 'Menampilkan {shown} dari {total} akun.',
  'admin.users.name': 'Nama',
  'admin.users.role': 'Peran',
  'admin.users.contact': 'Kontak',
  'admin.users.status': 'Status',
  'admin.users.active': 'Aktif',
  'admin.users.inactive': 'Nonaktif',
  'admin.create.title': 'Buat akun baru',
  'admin.create.fullName': 'Nama lengkap',
  'admin.create.email': 'E-mail',
  'admin.create.phone': 'Nomor HP',
  'admin.create.loginHint': 'Isi nomor HP, e-mail, atau keduanya; keduanya bisa dipakai untuk masuk.',
  'admin.create.role': 'Peran',
  'admin.create.rolePlaceholder': 'Pilih peran',
  'admin.create.password': 'Kata sandi awal',
  'admin.create.passwordHint': 'Minimal 8 karakter. Minta pemilik akun menggantinya.',
  'admin.create.partner': 'Organisasi mitra',
  'admin.create.partnerHint': 'Wajib untuk akun mitra CSR.',
  'admin.create.partnerNone': 'Tidak ada',
  'admin.create.kelurahan': 'Batas kelurahan',
  'admin.create.kelurahanHint': 'Hanya untuk staf program. Kosongkan untuk seluruh kota.',
  'admin.create.submit': 'Buat akun',
  'admin.create.submitting': 'Menyimpan…',
  'admin.create.created': 'Akun {name} sudah dibuat.',

  'error.401': 'Silakan masuk',
  'error.403': 'Akses ditolak',
  'error.404': 'Halaman tidak ditemukan',
  'error.generic': 'Terjadi kesalahan',
  'error.notFound': 'Alamat ini tidak ada di Kupang Peduli.',
  'error.forbidden': 'Halaman ini tidak tersedia untuk peran Anda.',
  'error.unexpected': 'Terjadi kesalahan pada server. Silakan coba lagi.',
  'error.apiUnreachable': 'Layanan sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.',
  'error.backHome': 'Kembali ke beranda Anda',
  'error.toStart': 'Ke halaman utama',
  'error.signIn': 'Masuk',
} satisfies Record<string, string>;
