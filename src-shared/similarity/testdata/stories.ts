// A labelled corpus for "same story, other outlet": items grouped by the story they report.
// Every pair inside a story is a positive, every pair across stories a negative. The stories are
// chosen to be hard to tell apart: several are about the same state visit (arrival, order,
// business council, briefing), two are the same daily template with other figures, two are
// library openings in different cities. The briefing items reuse the real Zakon.kz report
// (briefing.ts); the rest are invented items written the way these outlets write.
import { BRIEFING_RU } from './briefing';

export interface LabelledItem {
  id: string;
  story: string;
  outlet: string;
  language: string;
  publishedAt: string;
  title: string;
  text: string;
}

const paragraphs = BRIEFING_RU.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const para = (from: number, to: number) => paragraphs.slice(from, to).join('\n\n');

/** Serbian Latin → Serbian Cyrillic, as RTS prints the agency copy N1 prints in Latin. */
export function serbianToCyrillic(text: string): string {
  const pairs: Array<[RegExp, string]> = [
    [/Lj/g, 'Љ'], [/lj/g, 'љ'], [/Nj/g, 'Њ'], [/nj/g, 'њ'], [/Dž/g, 'Џ'], [/dž/g, 'џ'],
  ];
  let out = text;
  for (const [re, to] of pairs) out = out.replace(re, to);
  const map: Record<string, string> = {
    a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к', l: 'л',
    m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
  };
  // Brand names and Latin abbreviations stay Latin in RTS copy too.
  return out.replace(/\b(EXPO|Air Astana|KASE|Mambikom Agrar)\b|[\p{L}]/gu, (ch, keep: string | undefined) => {
    if (keep) return keep;
    const lower = ch.toLowerCase();
    const cyr = map[lower];
    if (!cyr) return ch;
    return ch === lower ? cyr : cyr.toUpperCase();
  });
}

const N1_BRIEFING = `Predsednik Srbije Aleksandar Vučić i predsednik Kazahstana Kasim-Žomart Tokajev obratili su se medijima u Astani nakon razgovora dve delegacije. Tokajev je uručio Vučiću najviše kazahstansko odlikovanje, orden "Altin Kiran". Tokajev je rekao da je Srbija važan i pouzdan partner Kazahstana na Balkanu i podsetio da se ove godine obeležava 30 godina od uspostavljanja diplomatskih odnosa. Prema njegovim rečima, u Kazahstanu danas posluje oko 60 srpskih kompanija, a prošle godine je otvorena direktna avio-linija između Astane i Beograda. Srpska kompanija Mambikom Agrar zainteresovana je za proizvodnju smrznutih proizvoda u Kazahstanu. Tokajev je poželeo uspeh izložbi EXPO koja će se 2027. godine održati u Srbiji. Vučić je rekao da Kazahstan ima izuzetnu budućnost i da Srbija može mnogo da nauči od Kazahstana, uključujući ekonomiju, poljoprivredu, informacione tehnologije i veštačku inteligenciju.`;

const N1_TRANSPORT = `Gradski sekretarijat za javni prevoz saopštio je da od ponedeljka, 2. marta, dolazi do izmena na 14 linija javnog prevoza u Beogradu. Linije 26 i 27E menjaju trasu zbog radova na Bulevaru kralja Aleksandra, a tramvajska linija 7 saobraćaće skraćeno do Ustaničke. Noćne linije ostaju bez izmena. Sekretarijat je pozvao građane da prate obaveštenja na stajalištima i na sajtu Beogradskog saobraćaja, jer radovi mogu trajati do 15. aprila.`;

const N1_EXPO = `Ministarka zadužena za EXPO 2027 izjavila je da su radovi na izložbenom kompleksu u Surčinu završeni 70 odsto i da će kompleks biti spreman do kraja 2026. godine. Do sada je učešće potvrdilo 128 zemalja. Nacionalni stadion, čija izgradnja je deo projekta, biće završen u proleće 2027. Izložba se održava od 15. maja do 15. avgusta 2027. godine pod sloganom "Igraj za čovečanstvo".`;

export const STORIES: LabelledItem[] = [
  // ── S1: the briefing itself, 26 Feb ──────────────────────────────────────────────────────────
  {
    id: 'brief-zakon-ru', story: 'briefing', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T12:45:00Z',
    title: 'Токаев и Вучич провели брифинг для СМИ после переговоров', text: BRIEFING_RU,
  },
  {
    id: 'brief-akorda-ru', story: 'briefing', outlet: 'Akorda.kz', language: 'ru', publishedAt: '2026-02-26T12:30:00Z',
    title: 'Касым-Жомарт Токаев и Александр Вучич сделали заявления для прессы',
    text: para(1, 20).replace(', сообщает Zakon.kz', ''),
  },
  {
    id: 'brief-zakon-lead', story: 'briefing', outlet: 'Zakon.kz (RSS)', language: 'ru', publishedAt: '2026-02-26T12:45:00Z',
    title: 'Токаев и Вучич провели брифинг для СМИ после переговоров', text: para(0, 2),
  },
  {
    id: 'brief-inform-ru', story: 'briefing', outlet: 'Kazinform', language: 'ru', publishedAt: '2026-02-26T13:05:00Z',
    title: 'Сербия – важный и надежный партнер Казахстана на Балканах – Токаев',
    text: `Глава государства Касым-Жомарт Токаев по итогам переговоров с президентом Сербии Александром Вучичем назвал Сербию важным и надежным партнером Казахстана в Балканском регионе, передает корреспондент агентства.

${para(2, 3)}

${para(5, 6)}

Президент также сообщил, что в прошлом году было открыто прямое авиасообщение между Астаной и Белградом, а делегацию Вучича сопровождают крупные сербские предприниматели.`,
  },
  {
    id: 'brief-tengri-ru', story: 'briefing', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-02-26T13:20:00Z',
    title: 'Вучич: Сербия может многому научиться у Казахстана',
    text: `Президент Сербии Александр Вучич на совместном брифинге с Касым-Жомартом Токаевым в Астане высоко оценил темпы роста экономики Казахстана.

${para(paragraphs.length - 2, paragraphs.length - 1)}

Ранее Касым-Жомарт Токаев вручил сербскому лидеру орден "Алтын Қыран". ${para(13, 14)}

По словам Токаева, порядка 60 сербских компаний уже работают в Казахстане, а в 2027 году Сербия примет выставку EXPO.`,
  },
  {
    id: 'brief-zakon-kk', story: 'briefing', outlet: 'Zakon.kz (kk)', language: 'kk', publishedAt: '2026-02-26T13:10:00Z',
    title: 'Тоқаев пен Вучич келіссөздерден кейін БАҚ өкілдеріне брифинг өткізді',
    text: `Келіссөздер мен марапаттау рәсімінен кейін Қазақстан Президенті Қасым-Жомарт Тоқаев пен Сербия Президенті Александр Вучич бұқаралық ақпарат құралдарының өкілдеріне брифинг өткізді.

Мемлекет басшысы Сербияны Қазақстанның Балқан өңіріндегі маңызды әрі сенімді серіктесі деп атады. Биыл екі ел арасында дипломатиялық қатынастар орнағанына 30 жыл толады.

"Бүгін мен Александр Вучичке ең жоғары марапат – "Алтын Қыран" орденін тапсырдым", – деді Тоқаев.

Президенттің айтуынша, Қазақстанда 60-қа жуық серб компаниясы жұмыс істейді. Өткен жылы Астана мен Белград арасында тікелей әуе қатынасы ашылды. Сербиялық Mambikom Agrar компаниясы еліміздегі мұздатылған өнім шығаратын кәсіпорын ашуға қызығушылық танытты.

Тоқаев 2027 жылы Сербияда өтетін EXPO көрмесіне сәттілік тіледі. "Жұмыла көтерген жүк жеңіл", – деді Қасым-Жомарт Тоқаев.`,
  },
  {
    id: 'brief-astanatimes-en', story: 'briefing', outlet: 'The Astana Times', language: 'en', publishedAt: '2026-02-26T14:00:00Z',
    title: 'Tokayev, Vučić Brief Media After Talks in Astana',
    text: `After talks and an awards ceremony, the President of Kazakhstan Kassym-Jomart Tokayev and the President of Serbia Aleksandar Vučić held a briefing for media representatives.

Tokayev called Serbia an important and reliable partner of Kazakhstan in the Balkan region and noted that this year marks the 30th anniversary of diplomatic relations between the two countries. He said he had awarded Vučić the Altyn Kyran order, Kazakhstan's highest award.

According to Tokayev, about 60 Serbian companies operate in Kazakhstan. A direct flight between Astana and Belgrade opened last year. The Serbian company Mambikom Agrar is interested in setting up a frozen food plant in Kazakhstan.

Tokayev wished Serbia success in hosting EXPO in 2027. Vučić said Kazakhstan has an exceptional future and that Serbia can learn a lot from Kazakhstan, including in the economy, agriculture, information technology and artificial intelligence.`,
  },
  {
    id: 'brief-n1-sr', story: 'briefing', outlet: 'N1 Srbija', language: 'sr-Latn', publishedAt: '2026-02-26T14:50:00Z',
    title: 'Vučić i Tokajev: Srbija i Kazahstan pouzdani partneri', text: N1_BRIEFING,
  },
  {
    id: 'brief-rts-sr', story: 'briefing', outlet: 'РТС', language: 'sr', publishedAt: '2026-02-26T15:00:00Z',
    title: serbianToCyrillic('Vučić u Astani: Kazahstan ima izuzetnu budućnost'), text: serbianToCyrillic(N1_BRIEFING),
  },

  // ── S2: Vučić lands in Astana, 25 Feb ─────────────────────────────────────────────────────────
  {
    id: 'arrive-zakon-ru', story: 'arrival', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-25T16:10:00Z',
    title: 'Президент Сербии Александр Вучич прилетел в Астану',
    text: `Президент Сербии Александр Вучич прибыл в Астану с официальным визитом. В международном аэропорту Нурсултан Назарбаев сербского лидера встретил премьер-министр Казахстана Олжас Бектенов.

Визит продлится два дня. В программе – переговоры с Касым-Жомартом Токаевым в узком и расширенном составах, заседание Казахстанско-сербского делового совета и подписание пакета документов.

Вучич посещает Казахстан во второй раз: в 2024 году глава Казахстана совершил визит в Белград.`,
  },
  {
    id: 'arrive-tengri-ru', story: 'arrival', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-02-25T16:40:00Z',
    title: 'Вучича в аэропорту Астаны встретил Бектенов',
    text: `Сербский лидер Александр Вучич прилетел в столицу Казахстана. В аэропорту Нурсултан Назарбаев его встретил премьер-министр Казахстана Олжас Бектенов, сообщает пресс-служба правительства.

Визит продлится два дня. В программе – переговоры с Касым-Жомартом Токаевым в узком и расширенном составах, заседание Казахстанско-сербского делового совета и подписание пакета документов.`,
  },
  {
    id: 'arrive-kk', story: 'arrival', outlet: 'Kazinform (kk)', language: 'kk', publishedAt: '2026-02-25T16:30:00Z',
    title: 'Сербия Президенті Александр Вучич Астанаға келді',
    text: `Сербия Президенті Александр Вучич Қазақстанға ресми сапармен келді. Нұрсұлтан Назарбаев атындағы халықаралық әуежайда сербиялық көшбасшыны Қазақстан Премьер-министрі Олжас Бектенов қарсы алды.

Сапар екі күнге созылады. Бағдарламада Қасым-Жомарт Тоқаевпен келіссөздер, Қазақстан-серб іскерлік кеңесінің отырысы және құжаттарға қол қою көзделген.`,
  },
  {
    id: 'arrive-en', story: 'arrival', outlet: 'Kazinform (en)', language: 'en', publishedAt: '2026-02-25T17:00:00Z',
    title: 'Serbian President Aleksandar Vučić Arrives in Astana',
    text: `Serbian President Aleksandar Vučić arrived in Astana on an official visit. He was welcomed at Nursultan Nazarbayev International Airport by Kazakh Prime Minister Olzhas Bektenov.

The two-day visit includes talks with Kassym-Jomart Tokayev, a meeting of the Kazakh-Serbian Business Council and the signing of a package of documents.`,
  },

  // ── S3: the order ceremony, 26 Feb (same day, same people as the briefing) ────────────────────
  {
    id: 'order-akorda-ru', story: 'order', outlet: 'Akorda.kz', language: 'ru', publishedAt: '2026-02-26T10:20:00Z',
    title: 'Глава государства наградил Александра Вучича орденом «Алтын Қыран»',
    text: `В Акорде состоялась церемония вручения президенту Сербии Александру Вучичу ордена «Алтын Қыран» – высшей награды Республики Казахстан.

Касым-Жомарт Токаев отметил, что Александр Вучич внес выдающийся вклад в укрепление дружбы и многопланового сотрудничества между Казахстаном и Сербией.

– Вы известны как опытный политик и дальновидный государственный деятель. Под вашим руководством Сербия добилась заметных успехов в экономике, – сказал Токаев.

Александр Вучич поблагодарил за высокую награду и назвал ее честью для всего сербского народа.`,
  },
  {
    id: 'order-zakon-ru', story: 'order', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T10:45:00Z',
    title: 'Вучич получил высшую награду Казахстана',
    text: `Касым-Жомарт Токаев вручил президенту Сербии Александру Вучичу орден «Алтын Қыран», сообщает Акорда.

Касым-Жомарт Токаев отметил, что Александр Вучич внес выдающийся вклад в укрепление дружбы и многопланового сотрудничества между Казахстаном и Сербией.

Александр Вучич поблагодарил за высокую награду и назвал ее честью для всего сербского народа.`,
  },
  {
    id: 'order-kk', story: 'order', outlet: 'Akorda.kz (kk)', language: 'kk', publishedAt: '2026-02-26T10:25:00Z',
    title: 'Мемлекет басшысы Александр Вучичті «Алтын Қыран» орденімен марапаттады',
    text: `Ақордада Сербия Президенті Александр Вучичке Қазақстан Республикасының ең жоғары наградасы – «Алтын Қыран» орденін табыстау рәсімі өтті.

Қасым-Жомарт Тоқаев Александр Вучич Қазақстан мен Сербия арасындағы достық пен жан-жақты ынтымақтастықты нығайтуға зор үлес қосқанын атап өтті.

Александр Вучич жоғары марапат үшін алғыс айтып, оны бүкіл серб халқы үшін мәртебе деп атады.`,
  },
  {
    id: 'order-en', story: 'order', outlet: 'Akorda.kz (en)', language: 'en', publishedAt: '2026-02-26T10:30:00Z',
    title: 'Head of State awards Aleksandar Vučić the Order of Altyn Kyran',
    text: `A ceremony was held at the Akorda to present the President of Serbia Aleksandar Vučić with the Order of Altyn Kyran, the highest award of the Republic of Kazakhstan.

Kassym-Jomart Tokayev noted that Aleksandar Vučić had made an outstanding contribution to strengthening friendship and multifaceted cooperation between Kazakhstan and Serbia.

Aleksandar Vučić thanked the Head of State for the high award and called it an honour for the entire Serbian people.`,
  },

  // ── S4: the business council, 26 Feb ──────────────────────────────────────────────────────────
  {
    id: 'council-ru', story: 'council', outlet: 'Kazinform', language: 'ru', publishedAt: '2026-02-26T08:30:00Z',
    title: 'В Астане прошло заседание Казахстанско-сербского делового совета',
    text: `В Астане состоялось заседание Казахстанско-сербского делового совета с участием более 150 предпринимателей двух стран. Стороны подписали 12 коммерческих соглашений на общую сумму свыше 400 миллионов долларов.

Министр торговли и интеграции Арман Шаккалиев сообщил, что товарооборот между Казахстаном и Сербией по итогам 2025 года вырос на 18 процентов. Речь идет о поставках зерна, металлопроката и фармацевтической продукции.

Сербские компании проявили интерес к проектам в агропромышленном комплексе, логистике и переработке критического сырья.`,
  },
  {
    id: 'council-ru-rewrite', story: 'council', outlet: 'Kapital.kz', language: 'ru', publishedAt: '2026-02-26T09:15:00Z',
    title: 'Казахстан и Сербия подписали 12 соглашений на $400 млн',
    text: `Стороны подписали 12 коммерческих соглашений на общую сумму свыше 400 миллионов долларов на заседании Казахстанско-сербского делового совета в Астане.

По словам министра торговли и интеграции Армана Шаккалиева, товарооборот между Казахстаном и Сербией по итогам 2025 года вырос на 18 процентов. Речь идет о поставках зерна, металлопроката и фармацевтической продукции.`,
  },
  {
    id: 'council-en', story: 'council', outlet: 'The Astana Times', language: 'en', publishedAt: '2026-02-26T10:00:00Z',
    title: 'Kazakh-Serbian Business Council Yields 12 Deals Worth $400 Million',
    text: `More than 150 entrepreneurs from Kazakhstan and Serbia attended a meeting of the Kazakh-Serbian Business Council in Astana, where 12 commercial agreements worth over $400 million were signed.

Trade and Integration Minister Arman Shakkaliyev said trade between Kazakhstan and Serbia grew by 18 percent in 2025, driven by grain, rolled metal and pharmaceuticals.`,
  },

  // ── S5: Tokayev and Mirziyoyev by phone, 26 Feb: Tokayev, talks, cooperation, another partner ─
  {
    id: 'uz-akorda-ru', story: 'uzbek-call', outlet: 'Akorda.kz', language: 'ru', publishedAt: '2026-02-26T06:00:00Z',
    title: 'Состоялся телефонный разговор Касым-Жомарта Токаева с Шавкатом Мирзиёевым',
    text: `Касым-Жомарт Токаев провел телефонный разговор с президентом Узбекистана Шавкатом Мирзиёевым.

Главы государств обсудили ход реализации договоренностей, достигнутых в ходе государственного визита в Ташкент, и подготовку к заседанию Высшего межгосударственного совета. Было отмечено, что товарооборот между двумя странами в 2025 году превысил 5 миллиардов долларов.

Президенты также обсудили строительство железной дороги Дарбаза – Мактаарал и совместные проекты в водно-энергетической сфере.`,
  },
  {
    id: 'uz-kk', story: 'uzbek-call', outlet: 'Akorda.kz (kk)', language: 'kk', publishedAt: '2026-02-26T06:05:00Z',
    title: 'Қасым-Жомарт Тоқаев Шавкат Мирзиёевпен телефон арқылы сөйлесті',
    text: `Қасым-Жомарт Тоқаев Өзбекстан Президенті Шавкат Мирзиёевпен телефон арқылы сөйлесті.

Мемлекет басшылары Ташкентке жасалған мемлекеттік сапар барысында қол жеткізілген уағдаластықтардың орындалу барысын талқылады. 2025 жылы екі ел арасындағы тауар айналымы 5 миллиард доллардан асқаны атап өтілді.

Президенттер Дарбаза – Мақтаарал темір жолының құрылысын да талқылады.`,
  },
  {
    id: 'uz-en', story: 'uzbek-call', outlet: 'Akorda.kz (en)', language: 'en', publishedAt: '2026-02-26T06:10:00Z',
    title: 'Kassym-Jomart Tokayev Holds Phone Talk with Shavkat Mirziyoyev',
    text: `Kassym-Jomart Tokayev held a telephone conversation with President of Uzbekistan Shavkat Mirziyoyev.

The heads of state discussed the implementation of agreements reached during the state visit to Tashkent. They noted that trade between the two countries exceeded $5 billion in 2025. The presidents also discussed the construction of the Darbaza – Maktaaral railway.`,
  },
  {
    id: 'uz-ru-reprint', story: 'uzbek-call', outlet: 'Sputnik Казахстан', language: 'ru', publishedAt: '2026-02-26T06:40:00Z',
    title: 'Токаев и Мирзиёев обсудили строительство железной дороги Дарбаза – Мактаарал',
    text: `Президенты Казахстана и Узбекистана Касым-Жомарт Токаев и Шавкат Мирзиёев провели телефонный разговор, сообщила пресс-служба Акорды.

Главы государств обсудили ход реализации договоренностей, достигнутых в ходе государственного визита в Ташкент, и подготовку к заседанию Высшего межгосударственного совета. Было отмечено, что товарооборот между двумя странами в 2025 году превысил 5 миллиардов долларов.

Президенты также обсудили строительство железной дороги Дарбаза – Мактаарал и совместные проекты в водно-энергетической сфере.`,
  },

  // ── S6: Almaty road closures ─────────────────────────────────────────────────────────────────
  {
    id: 'roads-zakon-ru', story: 'almaty-roads', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T11:20:00Z',
    title: 'В Алматы ограничат движение на нескольких улицах из-за ремонта теплосетей',
    text: `С 27 февраля по 6 марта в Алматы будет частично перекрыто движение на улицах Толе би, Муканова и Жарокова в связи с ремонтом тепловых сетей, сообщает управление городской мобильности.

Ограничения будут действовать круглосуточно. Водителям рекомендуют заранее планировать маршрут и пользоваться объездами по улицам Байтурсынова и Шагабутдинова. Работы ведет АО «Алматинские тепловые сети».`,
  },
  {
    id: 'roads-vlast-ru', story: 'almaty-roads', outlet: 'Vlast.kz', language: 'ru', publishedAt: '2026-02-26T11:50:00Z',
    title: 'Толе би, Муканова и Жарокова частично перекроют до 6 марта',
    text: `Ограничения будут действовать круглосуточно с 27 февраля по 6 марта: в Алматы ремонтируют тепловые сети на улицах Толе би, Муканова и Жарокова.

Водителям рекомендуют заранее планировать маршрут и пользоваться объездами по улицам Байтурсынова и Шагабутдинова.`,
  },
  {
    id: 'roads-kk', story: 'almaty-roads', outlet: 'Zakon.kz (kk)', language: 'kk', publishedAt: '2026-02-26T07:00:00Z',
    title: 'Алматыда бірнеше көшеде қозғалыс уақытша шектеледі',
    text: `27 ақпан мен 6 наурыз аралығында Алматыда Төле би, Мұқанов және Жароков көшелерінде жылу желілерін жөндеуге байланысты қозғалыс ішінара шектеледі.

Жүргізушілерге Байтұрсынов және Шағабутдинов көшелері арқылы айналып өту ұсынылады.`,
  },

  // ── S7 and S8: the same daily template, other days and figures ───────────────────────────────
  {
    id: 'rate26-zakon', story: 'rate-26', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T05:30:00Z',
    title: 'Курс тенге на 26 февраля: данные биржевых торгов',
    text: `По итогам утренней сессии на Казахстанской фондовой бирже (KASE) средневзвешенный курс доллара США составил 503,12 тенге, что на 1,48 тенге выше вчерашнего значения. Объем торгов составил 84,2 миллиона долларов, было заключено 212 сделок.

Минимальный курс доллара в ходе торгов составил 501,80 тенге, максимальный – 504,40 тенге. Курс евро на KASE составил 544,70 тенге, курс рубля – 5,71 тенге.`,
  },
  {
    id: 'rate26-kursiv', story: 'rate-26', outlet: 'Kursiv', language: 'ru', publishedAt: '2026-02-26T05:45:00Z',
    title: 'Доллар подорожал до 503,12 тенге',
    text: `Средневзвешенный курс доллара США по итогам утренней сессии на KASE составил 503,12 тенге, подорожав на 1,48 тенге. Объем торгов составил 84,2 миллиона долларов, было заключено 212 сделок.`,
  },
  {
    id: 'rate27-zakon', story: 'rate-27', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-27T05:30:00Z',
    title: 'Курс тенге на 27 февраля: данные биржевых торгов',
    text: `По итогам утренней сессии на Казахстанской фондовой бирже (KASE) средневзвешенный курс доллара США составил 499,65 тенге, что на 3,47 тенге ниже вчерашнего значения. Объем торгов составил 97,5 миллиона долларов, было заключено 240 сделок.

Минимальный курс доллара в ходе торгов составил 498,10 тенге, максимальный – 502,00 тенге. Курс евро на KASE составил 541,20 тенге, курс рубля – 5,68 тенге.`,
  },
  {
    id: 'rate27-kursiv', story: 'rate-27', outlet: 'Kursiv', language: 'ru', publishedAt: '2026-02-27T05:50:00Z',
    title: 'Тенге укрепился до 499,65 за доллар',
    text: `Средневзвешенный курс доллара США по итогам утренней сессии на KASE составил 499,65 тенге, подешевев на 3,47 тенге. Объем торгов составил 97,5 миллиона долларов, было заключено 240 сделок.`,
  },

  // ── S9 and S10: library openings in two cities ────────────────────────────────────────────────
  {
    id: 'lib-shym-zakon', story: 'library-shymkent', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T04:00:00Z',
    title: 'В Шымкенте открылась новая детская библиотека',
    text: `В Шымкенте в микрорайоне Нурсат открылась детская библиотека имени Мукагали Макатаева. Фонд библиотеки – 12 тысяч книг на казахском и русском языках, в том числе 800 изданий для детей с нарушениями зрения.

В здании работают читальный зал на 60 мест, медиатека и кружок робототехники, сообщили в акимате города.`,
  },
  {
    id: 'lib-shym-otyrar', story: 'library-shymkent', outlet: 'Otyrar TV', language: 'ru', publishedAt: '2026-02-26T06:30:00Z',
    title: 'Библиотека имени Мукагали Макатаева открылась в Нурсате',
    text: `Фонд библиотеки – 12 тысяч книг на казахском и русском языках, в том числе 800 изданий для детей с нарушениями зрения. Детская библиотека имени Мукагали Макатаева открылась в шымкентском микрорайоне Нурсат.

В здании работают читальный зал на 60 мест, медиатека и кружок робототехники.`,
  },
  {
    id: 'lib-shym-kk', story: 'library-shymkent', outlet: 'Otyrar TV (kk)', language: 'kk', publishedAt: '2026-02-26T06:00:00Z',
    title: 'Шымкентте Мұқағали Мақатаев атындағы балалар кітапханасы ашылды',
    text: `Шымкенттің Нұрсәт шағын ауданында Мұқағали Мақатаев атындағы балалар кітапханасы ашылды. Кітапхана қорында қазақ және орыс тілдеріндегі 12 мың кітап бар, оның 800-і көру қабілеті нашар балаларға арналған. Ғимаратта 60 орындық оқу залы жұмыс істейді.`,
  },
  {
    id: 'lib-astana-kk', story: 'library-astana', outlet: 'Zakon.kz (kk)', language: 'kk', publishedAt: '2026-02-26T09:10:00Z',
    title: 'Астанада жаңа балалар кітапханасы ашылды',
    text: `Астананың Сарыарқа ауданында Ыбырай Алтынсарин атындағы жаңа балалар кітапханасы ашылды. Кітапхана қорында қазақ және орыс тілдеріндегі 25 мың кітап бар. Ғимаратта 120 орындық оқу залы мен коворкинг аймағы жұмыс істейді.`,
  },
  {
    id: 'lib-astana-ru', story: 'library-astana', outlet: 'Astana.kz', language: 'ru', publishedAt: '2026-02-26T09:40:00Z',
    title: 'В Астане открылась детская библиотека имени Ыбырая Алтынсарина',
    text: `В районе Сарыарка столицы открылась новая детская библиотека имени Ыбырая Алтынсарина. Фонд библиотеки – 25 тысяч книг на казахском и русском языках. В здании работают читальный зал на 120 мест и зона коворкинга.`,
  },

  // ── S11: Belgrade public transport (Serbian Latin, Cyrillic, English) ─────────────────────────
  {
    id: 'bg-transport-n1', story: 'belgrade-transport', outlet: 'N1 Srbija', language: 'sr-Latn', publishedAt: '2026-02-26T08:15:00Z',
    title: 'Beograd: izmene u javnom prevozu od ponedeljka', text: N1_TRANSPORT,
  },
  {
    id: 'bg-transport-rts', story: 'belgrade-transport', outlet: 'РТС', language: 'sr', publishedAt: '2026-02-26T08:40:00Z',
    title: serbianToCyrillic('Izmene na 14 linija javnog prevoza u Beogradu'), text: serbianToCyrillic(N1_TRANSPORT),
  },
  {
    id: 'bg-transport-b92', story: 'belgrade-transport', outlet: 'B92', language: 'sr-Latn', publishedAt: '2026-02-26T09:00:00Z',
    title: 'Menjaju se trase linija 26 i 27E',
    text: `Od ponedeljka, 2. marta, dolazi do izmena na 14 linija javnog prevoza u Beogradu. Linije 26 i 27E menjaju trasu zbog radova na Bulevaru kralja Aleksandra, a tramvajska linija 7 saobraćaće skraćeno do Ustaničke. Radovi mogu trajati do 15. aprila, saopštio je Sekretarijat za javni prevoz.`,
  },

  // ── S12: EXPO 2027 preparations in Belgrade: mentions EXPO 2027 like the briefing ─────────────
  {
    id: 'expo-n1', story: 'expo', outlet: 'N1 Srbija', language: 'sr-Latn', publishedAt: '2026-02-26T11:00:00Z',
    title: 'Kompleks za EXPO 2027 završen 70 odsto', text: N1_EXPO,
  },
  {
    id: 'expo-rts', story: 'expo', outlet: 'РТС', language: 'sr', publishedAt: '2026-02-26T11:30:00Z',
    title: serbianToCyrillic('EXPO 2027: učešće potvrdilo 128 zemalja'), text: serbianToCyrillic(N1_EXPO),
  },
  {
    id: 'expo-en', story: 'expo', outlet: 'Serbian Monitor', language: 'en', publishedAt: '2026-02-26T12:00:00Z',
    title: 'Belgrade EXPO 2027 Site 70 Percent Complete',
    text: `Works on the EXPO 2027 exhibition complex in Surčin are 70 percent complete, and the complex will be ready by the end of 2026, the minister in charge of EXPO said. So far 128 countries have confirmed their participation. The national stadium will be finished in spring 2027. The exhibition runs from 15 May to 15 August 2027.`,
  },

  // ── S13: Air Astana adds Belgrade flights ─────────────────────────────────────────────────────
  {
    id: 'air-ru', story: 'air-belgrade', outlet: 'Kapital.kz', language: 'ru', publishedAt: '2026-02-24T07:00:00Z',
    title: 'Air Astana увеличит число рейсов Астана – Белград до трех в неделю',
    text: `С 29 марта авиакомпания Air Astana увеличит частоту рейсов по маршруту Астана – Белград с двух до трех в неделю. Полеты выполняются на самолетах Airbus A321LR, время в пути составляет около 6 часов.

Прямое авиасообщение между столицами Казахстана и Сербии было открыто в июне 2025 года. За это время перевезено более 38 тысяч пассажиров.`,
  },
  {
    id: 'air-en', story: 'air-belgrade', outlet: 'The Astana Times', language: 'en', publishedAt: '2026-02-24T09:00:00Z',
    title: 'Air Astana to Fly Astana-Belgrade Three Times a Week',
    text: `Starting March 29, Air Astana will increase the frequency of its Astana – Belgrade flights from two to three per week, using Airbus A321LR aircraft. The direct air link between the capitals of Kazakhstan and Serbia opened in June 2025 and has carried more than 38,000 passengers.`,
  },
  {
    id: 'air-kk', story: 'air-belgrade', outlet: 'Kazinform (kk)', language: 'kk', publishedAt: '2026-02-24T08:00:00Z',
    title: 'Air Astana Астана – Белград рейстерін аптасына үшке дейін көбейтеді',
    text: `29 наурыздан бастап Air Astana әуе компаниясы Астана – Белград бағыты бойынша рейстер жиілігін аптасына екіден үшке дейін арттырады. Ұшулар Airbus A321LR ұшақтарымен орындалады. Қазақстан мен Сербия астаналары арасындағы тікелей әуе қатынасы 2025 жылдың маусымында ашылған, содан бері 38 мыңнан астам жолаушы тасымалданды.`,
  },

  // ── S14: public service centres go digital ────────────────────────────────────────────────────
  {
    id: 'con-zakon', story: 'digital-office', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T10:05:00Z',
    title: '«Цифровой офис»: как изменится получение справок в ЦОНах — разбор',
    text: `С 1 апреля 2026 года справки о несудимости, адресные справки и справки о составе семьи можно будет получить только через портал eGov.kz и приложение eGov Mobile, сообщили в Министерстве цифрового развития.

В ЦОНах вместо окон приема документов появятся «цифровые офисы»: консультанты помогут заявителям оформить услугу онлайн. По данным министерства, в 2025 году 87 процентов государственных услуг уже были оказаны в электронном виде.`,
  },
  {
    id: 'con-tengri', story: 'digital-office', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-02-26T11:00:00Z',
    title: 'Справки о несудимости в ЦОНах выдавать перестанут',
    text: `В Министерстве цифрового развития сообщили: с 1 апреля 2026 года справки о несудимости, адресные справки и справки о составе семьи можно будет получить только через портал eGov.kz и приложение eGov Mobile.

В ЦОНах вместо окон приема документов появятся «цифровые офисы»: консультанты помогут заявителям оформить услугу онлайн.`,
  },

  // ── S15: storm warning in Astana ──────────────────────────────────────────────────────────────
  {
    id: 'storm-ru', story: 'storm', outlet: 'Zakon.kz', language: 'ru', publishedAt: '2026-02-26T03:00:00Z',
    title: 'Штормовое предупреждение объявили в Астане на 27 февраля',
    text: `Казгидромет объявил штормовое предупреждение в Астане на 27 февраля. Ожидаются метель, сильный ветер с порывами до 23 метров в секунду и гололед. Ночью температура воздуха понизится до минус 24 градусов.

Жителей столицы просят без необходимости не выезжать за город: возможны ограничения движения на трассах Астана – Караганда и Астана – Щучинск.`,
  },
  {
    id: 'storm-kk', story: 'storm', outlet: 'Kazinform (kk)', language: 'kk', publishedAt: '2026-02-26T03:20:00Z',
    title: 'Астанада 27 ақпанға дауылды ескерту жарияланды',
    text: `Қазгидромет 27 ақпанға Астанада дауылды ескерту жариялады. Боран, екпіні секундына 23 метрге дейін жететін қатты жел және көктайғақ күтіледі. Түнде ауа температурасы минус 24 градусқа дейін төмендейді. Астана – Қарағанды және Астана – Щучинск тас жолдарында қозғалыс шектелуі мүмкін.`,
  },
  {
    id: 'storm-tengri', story: 'storm', outlet: 'Tengrinews', language: 'ru', publishedAt: '2026-02-26T03:40:00Z',
    title: 'Метель и ветер до 23 м/с: Казгидромет предупредил жителей Астаны',
    text: `Ожидаются метель, сильный ветер с порывами до 23 метров в секунду и гололед, говорится в штормовом предупреждении Казгидромета на 27 февраля для Астаны. Ночью температура воздуха понизится до минус 24 градусов. Возможны ограничения движения на трассах Астана – Караганда и Астана – Щучинск.`,
  },

  // ── S16: Tokayev receives Prime Minister Bektenov (names shared with the arrival story) ───────
  {
    id: 'pm-akorda-ru', story: 'pm-report', outlet: 'Akorda.kz', language: 'ru', publishedAt: '2026-02-24T05:00:00Z',
    title: 'Глава государства принял Премьер-министра Олжаса Бектенова',
    text: `Касым-Жомарт Токаев принял Премьер-министра Казахстана Олжаса Бектенова, который доложил о социально-экономическом развитии страны по итогам января 2026 года.

Рост ВВП составил 5,9 процента, инфляция в годовом выражении замедлилась до 11,2 процента. Инвестиции в основной капитал увеличились на 9,4 процента.

Президенту также доложено о ходе подготовки к посевной кампании и о программе модернизации 12 теплоэлектроцентралей.`,
  },
  {
    id: 'pm-kk', story: 'pm-report', outlet: 'Akorda.kz (kk)', language: 'kk', publishedAt: '2026-02-24T05:05:00Z',
    title: 'Мемлекет басшысы Премьер-министр Олжас Бектеновты қабылдады',
    text: `Қасым-Жомарт Тоқаев Премьер-министр Олжас Бектеновты қабылдады. Ол 2026 жылғы қаңтардың қорытындысы бойынша елдің әлеуметтік-экономикалық дамуы туралы баяндады.

ЖІӨ өсімі 5,9 пайызды құрады, жылдық инфляция 11,2 пайызға дейін баяулады. Негізгі капиталға салынған инвестициялар 9,4 пайызға артты.`,
  },
  {
    id: 'pm-en', story: 'pm-report', outlet: 'Akorda.kz (en)', language: 'en', publishedAt: '2026-02-24T05:10:00Z',
    title: 'Tokayev Receives Prime Minister Olzhas Bektenov',
    text: `Kassym-Jomart Tokayev received Prime Minister Olzhas Bektenov, who reported on the country's socio-economic development in January 2026.

GDP growth reached 5.9 percent and annual inflation slowed to 11.2 percent. Investment in fixed capital grew by 9.4 percent. The President was also briefed on preparations for the sowing campaign and on the modernisation of 12 combined heat and power plants.`,
  },
];

export interface LabelledPair {
  a: LabelledItem;
  b: LabelledItem;
  same: boolean;
}

/** Every pair of the corpus, labelled by whether both items report one story. */
export function labelledPairs(items: readonly LabelledItem[] = STORIES): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      pairs.push({ a, b, same: a.story === b.story });
    }
  }
  return pairs;
}
