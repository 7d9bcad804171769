"""Words and sentence templates for the synthetic corpus (``corpus.py``).

Written by the newsdiff team for benchmarks only: names, places and organisations are
common ones, the events are invented. Slots: ``{place} {weekday} {daymonth} {date}
{year} {last_year} {p1} {p2} {p3} {last1} {org} {org_cap} {kind} {kind_cap} {n1} {n2}
{n3} {dec} {street} {no}``.
"""

from __future__ import annotations

from typing import Final

WEEKDAYS: Final = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS: Final = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}  # fmt: skip
FIRST_NAMES: Final = {
    "id": ("Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Wahyu", "Putri", "Rudi", "Ayu"),
    "en": ("James", "Sarah", "David", "Emma", "Michael", "Laura", "Daniel", "Anna", "Mark"),
}
LAST_NAMES: Final = {
    "id": ("Santoso", "Wijaya", "Hidayat", "Kusuma", "Saputra", "Nugroho", "Lestari", "Pratama"),
    "en": ("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker"),
}
PLACES: Final = {
    "id": ("Jakarta", "Surabaya", "Semarang", "Medan", "Makassar", "Bandung", "Padang", "Kupang"),
    "en": ("London", "Leeds", "Manchester", "Sydney", "Chicago", "Houston", "Dublin", "Glasgow"),
}
KINDS: Final = {
    "id": {
        "banjir": ("Badan Nasional Penanggulangan Bencana (BNPB)", "BPBD setempat"),
        "gempa": ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)", "BNPB"),
        "inflasi": ("Badan Pusat Statistik (BPS)", "Bank Indonesia"),
        "kebakaran": ("Dinas Pemadam Kebakaran", "Polda setempat"),
        "pemilu": ("Komisi Pemilihan Umum (KPU)", "Bawaslu"),
    },
    "en": {
        "flood": ("the Environment Agency", "the fire service"),
        "earthquake": ("the U.S. Geological Survey", "the civil defence agency"),
        "inflation": ("the Office for National Statistics", "the central bank"),
        "fire": ("the fire department", "city police"),
        "election": ("the electoral commission", "the city council"),
    },
}
OUTLETS: Final = {
    "id": (
        "{place} (ANTARA) - ",
        "KONTAN.CO.ID - {upper}. ",
        "{upper}, KOMPAS.com - ",
        "",
        "{place} (Kabar Harian) - ",
    ),
    "en": ("{upper} (Reuters) - ", "{upper} — ", "{upper} (AP) — ", "", "{place} (Kabar Wire) - "),
}
LEADS: Final = {
    "id": {
        kind: (
            "{kind_cap} melanda {place} pada {weekday} ({daymonth}), berdampak pada {n1} warga "
            "dan merusak {n2} rumah, kata {org}.",
            "Sebanyak {n1} warga {place} terdampak {kind} yang terjadi pada {weekday} "
            "({daymonth}) malam, menurut data {org}.",
            "{org} mencatat {kind} di {place} pada {date} berdampak pada {n1} orang dan "
            "{n2} bangunan.",
        )
        for kind in ("banjir", "gempa", "inflasi", "kebakaran", "pemilu")
    },
    "en": {
        kind: (
            "The {kind} in {place} on {weekday} affected {n1} residents and damaged {n2} "
            "homes, {org} said.",
            "More than {n1} people in {place} were affected by the {kind} on {date}, "
            "according to {org}.",
            "{org_cap} said on {weekday} that the {kind} in {place} had affected {n1} people "
            "and {n2} buildings.",
        )
        for kind in ("flood", "earthquake", "inflation", "fire", "election")
    },
}
OPENERS: Final = {
    "id": ("", "", "", "", "", "", "Sementara itu, ", "Selain itu, ", "Di sisi lain, ",
           "Menurut {p1}, ", "Dalam keterangannya, ", "Pada kesempatan itu, ", "Hingga kini, "),
    "en": ("", "", "", "", "", "", "Meanwhile, ", "In addition, ", "On the other hand, ",
           "According to {p1}, ", "In a statement, ", "So far, ", "Separately, "),
}  # fmt: skip
"""Sentence openings; a clause after one keeps its case, at the start it is capitalised."""
TAILS: Final = {
    "id": ("", "", "", "", "", " pada {weekday} ({daymonth})", " di {place}", " sejak pekan lalu",
           " menurut data {org}", ", kata {p1}", " seperti dilaporkan petugas"),
    "en": ("", "", "", "", "", " on {weekday}", " in {place}", " since last week",
           ", according to {org}", ", {p1} said", ", officials said"),
}  # fmt: skip
BODY: Final = {
    "id": (
        "kepala {org}, {p1}, mengatakan bahwa petugas telah dikerahkan sejak pagi",
        "{kind} tersebut merupakan yang terbesar dalam {n3} tahun terakhir",
        "pemerintah daerah menyiapkan dana darurat sebesar Rp {n3} miliar untuk membantu warga",
        "sekitar {n2} rumah dilaporkan rusak ringan, sementara sebagian lainnya rusak berat",
        "Dr. {p2} dari Universitas Indonesia menilai angka itu naik {dec} persen dibanding "
        "tahun lalu",
        "posko bantuan didirikan di Jl. {street} No. {no}, {place}, dan dibuka 24 jam",
        "warga yang terdampak diminta melapor ke kantor kelurahan terdekat",
        "tercatat {n1} orang masih berada di tempat pengungsian",
        "{p3}, seorang warga, mengatakan kejadian mulai terasa sekitar pukul 02.30 WIB",
        "petugas gabungan dari TNI, Polri dan relawan membantu proses evakuasi warga",
        "harga kebutuhan pokok di pasar setempat naik {dec} persen",
        "pihak berwenang belum dapat memastikan penyebab pasti kejadian tersebut",
        "bantuan logistik berupa {n2} ton beras dan air bersih telah disalurkan",
        "{p1} meminta semua pihak tetap waspada dalam rapat koordinasi",
        "data sementara menunjukkan kerugian mencapai Rp {n3} miliar",
        "sekolah-sekolah di wilayah itu diliburkan sementara hingga kondisi membaik",
        "jalan utama menuju {place} sempat ditutup selama beberapa jam",
        "menteri terkait dijadwalkan meninjau lokasi pada pekan depan",
        "pemulihan diperkirakan memakan waktu {dec} bulan",
        "kejadian serupa pernah terjadi pada {last_year}, meski dampaknya lebih kecil",
        "sebanyak {n2} personel disiagakan di {n3} titik rawan",
        "dinas kesehatan membuka layanan kesehatan gratis bagi {n1} warga terdampak",
        "DPRD {place} akan memanggil {org} untuk meminta penjelasan",
        "anggaran perbaikan diperkirakan mencapai Rp {dec} triliun",
        "sejumlah ruas jalan masih tergenang dan sulit dilalui kendaraan roda dua",
        "warga mengeluhkan lambatnya penyaluran bantuan di beberapa kelurahan",
        "aliran listrik di {n2} gardu sempat padam selama {dec} jam",
        "{org} memperpanjang status tanggap darurat hingga {n3} hari ke depan",
        "relawan dari berbagai daerah mulai berdatangan ke {place}",
        "Presiden disebut telah menerima laporan lengkap mengenai kejadian itu",
        "operasional bandara dan pelabuhan tetap berjalan normal",
        "para pedagang di pasar induk mengaku omzet mereka turun drastis",
        "tim SAR gabungan masih menyisir {n3} lokasi yang sulit dijangkau",
        "{org} menyebut jumlah korban bisa bertambah seiring pendataan",
        "Gubernur meninjau lokasi dan berjanji mempercepat perbaikan fasilitas umum",
        "sebagian warga memilih mengungsi ke rumah kerabat di luar {place}",
        "dapur umum menyediakan {n1} porsi makanan setiap hari",
        "Kementerian Sosial mengirim bantuan senilai Rp {n3} juta",
        "jaringan telekomunikasi di sebagian wilayah sempat terputus",
        "kepolisian mengerahkan {n2} personel untuk menjaga keamanan",
        "rapat evaluasi digelar di kantor wali kota hingga larut malam",
        "pengamat menilai sistem peringatan dini perlu diperbaiki",
        "harga cabai merah di pasar tradisional naik menjadi Rp {n3}.000 per kilogram",
        "pihak rumah sakit menyiagakan {n2} tempat tidur tambahan",
    ),
    "en": (
        "{p1}, a spokesperson for {org}, told reporters that crews had been deployed since "
        "early morning",
        "the {kind} was the largest in {n3} years",
        "local authorities set aside an emergency fund of ${n3} million to help residents",
        "about {n2} homes were reported damaged, some of them badly",
        "Dr. {p2} of the University of Leeds said the figure was up {dec} percent on last year",
        "a relief centre opened at No. {no} {street} St. in {place} and will stay open all night",
        "residents who were affected were asked to register with the council",
        "{n1} people were still in temporary shelters",
        "{p3}, a resident, said it all began at about 2:30 a.m. local time",
        "police, soldiers and volunteers helped to move people to safety",
        "prices at local markets rose {dec} percent, traders said",
        "it was too early to say what caused the {kind}",
        "aid including {n2} tonnes of food and bottled water has been delivered",
        "{p1} urged people to stay alert and follow official advice",
        "early estimates put the damage at ${n3} million",
        "schools in the area were closed until further notice",
        "the main road into {place} was closed for several hours",
        "a U.S. delegation is expected to visit the area next week",
        "recovery could take {dec} months",
        "a similar {kind} hit the region in {last_year}, though with less damage",
        "{n2} emergency workers were on standby at {n3} sites",
        "health officials opened free clinics for {n1} affected residents",
        "the city council will question {org} about its response",
        "repairs are expected to cost ${dec} billion",
        "several streets remained under water and closed to traffic",
        "residents complained that aid was slow to reach some neighbourhoods",
        "power was cut at {n2} substations for {dec} hours",
        "{org} extended the state of emergency by {n3} days",
        "volunteers from across the country began arriving in {place}",
        "the prime minister has been briefed on the situation",
        "the airport and the port continued to operate normally",
        "market traders said their takings had fallen sharply",
        "search teams were still combing {n3} sites that were hard to reach",
        "{org} said the number of people affected could still rise",
        "the governor toured the area and promised faster repairs to public buildings",
        "some residents chose to stay with relatives outside {place}",
        "community kitchens were serving {n1} meals a day",
        "the government sent relief supplies worth ${n3} million",
        "phone networks were down in parts of the area",
        "police deployed {n2} officers to keep order",
        "an evaluation meeting at the mayor's office ran late into the night",
        "experts said the early warning system needed to be improved",
        "the price of bread at local shops rose to ${dec} a loaf",
        "hospitals put {n2} extra beds on standby",
    ),
}
QUOTES: Final = {
    "id": (
        '"Kami terus memantau situasi dan memastikan bantuan sampai ke warga," kata {last1}.',
        "“Kondisi saat ini mulai terkendali, tetapi warga tetap harus waspada,” ujar {last1}.",
        '"Ini bukan pertama kali terjadi. Kami sudah belajar banyak," tutur {last1}.',
        '"Kami butuh tambahan {n2} tenda dan obat-obatan," kata {last1}.',
        "“Semua pihak harus bekerja sama. Tidak ada yang bisa sendirian,” ujar {p2}.",
        '"Anak-anak kami masih trauma," kata {p3}, warga {place}.',
    ),
    "en": (
        '"We are monitoring the situation closely and making sure help reaches people," '
        "{last1} said.",
        "“Things are under control now, but people must stay alert,” {last1} said.",
        '"This is not the first time. We have learned a lot," {last1} told reporters.',
        '"We need another {n2} tents and more medicine," {last1} said.',
        "“Everyone has to work together. Nobody can do this alone,” {p2} said.",
        '"The children are still frightened," said {p3}, who lives in {place}.',
    ),
}
READ_ALSO: Final = {
    "id": (
        "Baca juga: {org} catat {n2} kejadian sepanjang {year}",
        "Baca Juga: Warga {place} diminta waspada",
    ),
    "en": ("Read also: {place} braces for more bad weather",),
}
CREDITS: Final = {
    "id": (
        ("Pewarta: {p3}", "Editor: {p2}", "Copyright © ANTARA {year}"),
        ("Sumber: Kabar Harian | Editor: {p2}",),
        ("Penulis: {p3}",),
    ),
    "en": (("Reporting by {p3}; Editing by {p2}",), ("Editing by {p2}",), ()),
}
FOLLOW_UPS: Final = {
    "id": (
        "{kind_cap} serupa sebelumnya melanda {place} pada {date_a} dan berdampak pada "
        "{n1_a} warga, sementara {kind} pada {date_b} membuat {n1_b} warga mengungsi.",
        "Menurut {org}, {kind} pada {date_a} merusak {n2_a} rumah, dan {kind} pada "
        "{date_b} merusak {n2_b} rumah lainnya.",
    ),
    "en": (
        "A similar {kind} hit {place} on {date_a}, affecting {n1_a} people, and another on "
        "{date_b} affected {n1_b} residents.",
        "According to {org}, the {kind} on {date_a} damaged {n2_a} homes and the one on "
        "{date_b} damaged {n2_b} more.",
    ),
}
"""Sentences a later report uses to refer back to two earlier events of a busy topic
(slots ``_a`` and ``_b`` are those events' facts)."""
