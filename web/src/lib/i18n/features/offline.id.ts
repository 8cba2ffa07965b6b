/** Bahasa Indonesia texts of the offline pages; the English file must have the same keys. */
export const offlineId = {
  'offline.queued': 'Tidak ada sinyal: “{label}” disimpan di HP ini dan akan dikirim otomatis begitu tersambung.',
  'offline.waiting': '{count} menunggu dikirim',
  'offline.sending': 'Mengirim {count} catatan…',
  'offline.refusedCount': '{count} ditolak',
  'offline.refused': 'Tidak tersimpan: {message}',
  'offline.refusedPlain': 'server menolak catatan ini.',
  'offline.dismiss': 'Sudah dibaca, hapus',
  'offline.sendNow': 'Kirim sekarang',
  'offline.noConnection': 'Belum ada sambungan. Catatan tetap aman di HP ini.',
  'offline.signInAgain': 'Sesi Anda berakhir. Masuk lagi; catatan dikirim sesudahnya.',
  'offline.serverBusy': 'Server belum bisa menerima ({message}). Dicoba lagi otomatis.',
  'offline.page.title': 'Tidak ada sambungan',
  'offline.page.body':
    'Halaman ini belum tersimpan di HP dan sinyal sedang tidak ada. Halaman yang pernah dibuka tetap bisa dipakai, dan catatan yang diisi akan dikirim otomatis begitu sinyal kembali.',
  'offline.page.retry': 'Coba lagi',
  'offline.share.whatsapp': 'Bagikan lewat WhatsApp',
  'offline.share.landing': 'Kupang Peduli: layanan Kota Kupang untuk Ina Kasih dan pasar akhir pekan SABOAK KOEPAN. {url}',
  'offline.share.marketDay': 'Pasar SABOAK KOEPAN di Taman Nostalgia, {date}. Info dan daftar lapak: {url}',
  'offline.share.booking': 'Lapak saya di pasar SABOAK KOEPAN: {date}, {status}. {url}',
  'offline.progress.working': 'Sedang diproses…',
  'offline.progress.percent': '{percent}% selesai',
} satisfies Record<string, string>;
