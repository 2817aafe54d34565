// A second labelled corpus, written after the thresholds were fixed and never used to tune them:
// how the decision does on stories it has not seen. (One feature change did come from it: its
// first run missed "9,1 млн тонн" = "9.1 million tons", so decimal figures became one anchor.)
// Same labelling rules as stories.ts; its items are also paired with every item there.
import type { LabelledItem } from './stories';

export const HELD_OUT: LabelledItem[] = [
  // ── Tokayev receives Xi Jinping ────────────────────────────────────────────────────────────────
  {
    id: 'xi-akorda-ru', story: 'xi-visit', outlet: 'Akorda.kz', language: 'ru', publishedAt: '2026-03-10T06:00:00Z',
    title: 'Касым-Жомарт Токаев провел переговоры с Председателем КНР Си Цзиньпином',
    text: `В Акорде состоялись переговоры Касым-Жомарта Токаева с Председателем Китайской Народной Республики Си Цзиньпином.

Стороны обсудили расширение торговли, транзит через Казахстан и совместные проекты в энергетике. Товарооборот между странами по итогам 2025 года достиг 44 миллиардов долларов. По итогам переговоров подписано 28 документов, в том числе соглашение о строительстве второй нитки газопровода Бейнеу – Бозой – Шымкент.

Си Цзиньпин пригласил Касым-Жомарта Токаева посетить Пекин в сентябре.`,
  },
  {
    id: 'xi-tengri-ru', story: 'xi-visit', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-03-10T07:10:00Z',
    title: 'Казахстан и Китай подписали 28 документов',
    text: `По итогам переговоров Касым-Жомарта Токаева и Си Цзиньпина подписано 28 документов, в том числе соглашение о строительстве второй нитки газопровода Бейнеу – Бозой – Шымкент.

Товарооборот между странами по итогам 2025 года достиг 44 миллиардов долларов, напомнили в Акорде.`,
  },
  {
    id: 'xi-kk', story: 'xi-visit', outlet: 'Egemen Qazaqstan', language: 'kk', publishedAt: '2026-03-10T06:30:00Z',
    title: 'Тоқаев пен Си Цзиньпин келіссөз жүргізді',
    text: `Ақордада Қасым-Жомарт Тоқаев пен ҚХР Төрағасы Си Цзиньпиннің келіссөздері өтті. 2025 жылы екі ел арасындағы тауар айналымы 44 миллиард долларға жетті. Келіссөз қорытындысы бойынша 28 құжатқа қол қойылды, соның ішінде Бейнеу – Бозой – Шымкент газ құбырының екінші желісін салу туралы келісім бар.`,
  },
  {
    id: 'xi-en', story: 'xi-visit', outlet: 'The Astana Times', language: 'en', publishedAt: '2026-03-10T08:00:00Z',
    title: 'Tokayev, Xi Jinping Sign 28 Documents in Astana',
    text: `Kassym-Jomart Tokayev and Chinese President Xi Jinping held talks at the Akorda. Trade between the two countries reached $44 billion in 2025. The sides signed 28 documents, including an agreement to build the second string of the Beineu – Bozoi – Shymkent gas pipeline. Xi invited Tokayev to visit Beijing in September.`,
  },

  // ── Oil output ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'oil-ru', story: 'oil', outlet: 'Kapital.kz', language: 'ru', publishedAt: '2026-03-02T04:00:00Z',
    title: 'Казахстан в феврале добыл 9,1 млн тонн нефти',
    text: `В феврале 2026 года в Казахстане добыто 9,1 миллиона тонн нефти и газового конденсата, сообщило Министерство энергетики. Из них 2,6 миллиона тонн пришлось на Тенгиз, 1,7 миллиона тонн – на Кашаган. Экспорт нефти составил 6,8 миллиона тонн. В рамках соглашения ОПЕК+ квота Казахстана на март составляет 1 миллион 500 тысяч баррелей в сутки.`,
  },
  {
    id: 'oil-reprint', story: 'oil', outlet: 'Inbusiness.kz', language: 'ru', publishedAt: '2026-03-02T05:20:00Z',
    title: 'Добыча нефти в феврале: 9,1 млн тонн',
    text: `В феврале 2026 года в Казахстане добыто 9,1 миллиона тонн нефти и газового конденсата, сообщило Министерство энергетики. Из них 2,6 миллиона тонн пришлось на Тенгиз, 1,7 миллиона тонн – на Кашаган. Экспорт нефти составил 6,8 миллиона тонн.`,
  },
  {
    id: 'oil-en', story: 'oil', outlet: 'Kazinform (en)', language: 'en', publishedAt: '2026-03-02T06:00:00Z',
    title: 'Kazakhstan Produced 9.1 Million Tons of Oil in February',
    text: `Kazakhstan produced 9.1 million tons of oil and gas condensate in February 2026, the Energy Ministry said. Tengiz accounted for 2.6 million tons and Kashagan for 1.7 million tons. Oil exports reached 6.8 million tons.`,
  },

  // ── Earthquake ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'quake-ru', story: 'quake', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-03-05T21:40:00Z',
    title: 'Землетрясение магнитудой 4,7 ощутили жители Алматы',
    text: `В 02:31 по времени Астаны сейсмологи зарегистрировали землетрясение магнитудой 4,7. Эпицентр находился в 68 километрах к юго-востоку от Алматы, на территории Кыргызстана, глубина очага – 15 километров. В Алматы толчки ощущались силой до 4 баллов.

Сведений о пострадавших и разрушениях не поступало, сообщили в МЧС.`,
  },
  {
    id: 'quake-kk', story: 'quake', outlet: 'Kazinform (kk)', language: 'kk', publishedAt: '2026-03-05T21:55:00Z',
    title: 'Алматыда 4,7 магнитудалы жер сілкінісі сезілді',
    text: `Астана уақытымен 02:31-де сейсмологтар магнитудасы 4,7 жер сілкінісін тіркеді. Эпицентр Алматыдан оңтүстік-шығысқа қарай 68 шақырым жерде, Қырғызстан аумағында орналасқан, ошақ тереңдігі 15 шақырым. Зардап шеккендер мен қираулар туралы мәлімет жоқ.`,
  },
  {
    id: 'quake-tengri', story: 'quake', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-03-05T22:05:00Z',
    title: 'Ночью в Алматы произошло землетрясение',
    text: `Жители Алматы ночью ощутили подземные толчки силой до 4 баллов. По данным сейсмологов, магнитуда землетрясения составила 4,7, эпицентр находился в 68 километрах к юго-востоку от города, на территории Кыргызстана. Сведений о пострадавших и разрушениях не поступало, сообщили в МЧС.`,
  },
  // Another quake a week later, same template, other figures.
  {
    id: 'quake2-ru', story: 'quake-2', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-03-12T03:10:00Z',
    title: 'Землетрясение магнитудой 5,1 ощутили жители Алматы',
    text: `В 08:02 по времени Астаны сейсмологи зарегистрировали землетрясение магнитудой 5,1. Эпицентр находился в 230 километрах к востоку от Алматы, на территории Китая, глубина очага – 10 километров. В Алматы толчки ощущались силой до 3 баллов.

Сведений о пострадавших и разрушениях не поступало, сообщили в МЧС.`,
  },

  // ── Opera premiere ───────────────────────────────────────────────────────────────────────────
  {
    id: 'opera-ru', story: 'opera', outlet: 'Astana.kz', language: 'ru', publishedAt: '2026-03-07T09:00:00Z',
    title: '«Астана Опера» покажет премьеру оперы «Абай» в новой постановке',
    text: `Театр «Астана Опера» 21 марта представит новую постановку оперы Ахмета Жубанова и Латифа Хамиди «Абай». Режиссер – Юрий Александров, дирижер – Абзал Мухитдинов. В спектакле заняты более 200 артистов. Билеты стоят от 3000 до 25000 тенге.`,
  },
  {
    id: 'opera-kk', story: 'opera', outlet: 'Egemen Qazaqstan', language: 'kk', publishedAt: '2026-03-07T09:30:00Z',
    title: '«Астана Опера» «Абай» операсының жаңа қойылымын ұсынады',
    text: `«Астана Опера» театры 21 наурызда Ахмет Жұбанов пен Латиф Хамидидің «Абай» операсының жаңа қойылымын ұсынады. Режиссері – Юрий Александров, дирижері – Абзал Мұхитдинов. Спектакльге 200-ден астам әртіс қатысады.`,
  },

  // ── Serbian: Belgrade–Astana trade office (N1 and RTS copy) ───────────────────────────────────
  {
    id: 'office-n1', story: 'trade-office', outlet: 'N1 Srbija', language: 'sr-Latn', publishedAt: '2026-03-04T10:00:00Z',
    title: 'Privredna komora Srbije otvara predstavništvo u Astani',
    text: `Privredna komora Srbije otvoriće 15. aprila predstavništvo u Astani, najavio je predsednik Komore Marko Čadež. Cilj je da se robna razmena sa Kazahstanom, koja je prošle godine iznosila 180 miliona evra, udvostruči do 2028. godine. Predstavništvo će pomagati srpskim firmama u oblasti poljoprivrede, farmacije i građevinarstva.`,
  },
  {
    id: 'office-rts', story: 'trade-office', outlet: 'РТС', language: 'sr', publishedAt: '2026-03-04T10:30:00Z',
    title: 'ПКС отвара представништво у Астани',
    text: `Привредна комора Србије отвориће 15. априла представништво у Астани, најавио је председник Коморе Марко Чадеж. Циљ је да се робна размена са Казахстаном, која је прошле године износила 180 милиона евра, удвостручи до 2028. године.`,
  },
  {
    id: 'office-ru', story: 'trade-office', outlet: 'Kazinform', language: 'ru', publishedAt: '2026-03-04T12:00:00Z',
    title: 'Торговая палата Сербии откроет представительство в Астане',
    text: `Торгово-промышленная палата Сербии 15 апреля откроет представительство в Астане, сообщил президент палаты Марко Чадеж. Стороны рассчитывают удвоить товарооборот, который в прошлом году составил 180 миллионов евро, к 2028 году.`,
  },
];
