import { skeleton } from '../text';

// Function words and newsroom boilerplate of Russian, Kazakh, English and Serbian. They are left
// out of story shingles: two different stories share "в том числе" and "сообщает пресс-служба"
// just as often as two copies of one story do, so keeping them only adds false matches.
const WORDS = `
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о
из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего
ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто
этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда
можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя
впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также это эта эти
который которая которое которые которых которым которой котором также кроме того однако где при этом свой своей своих
сообщает сообщил сообщила сообщили отметил отметила заявил заявила передает пишет говорится материале фото источник
год года году лет сегодня вчера завтра ранее напомним глава новости
және мен бен пен да де та те бұл осы сол ол олар біз сіз мен сен үшін деп еді екен емес бар жоқ тағы да ғана әр
бойынша туралы арқылы кейін дейін бірге бірақ алайда сондай-ақ сондай ақ яғни не немесе қазір жылы жыл
the a an and or of to in on at by for with from as is are was were be been being it its this that these those
he she they we you i his her their our your not no but if then than so such also has have had do does did will would
can could may might must shall should into over after before about between during under up out said says according
new news more most other some any all one two three year years today yesterday reported reports
i u na je da se za od do su sa iz kao što sto ali ili ne bi biti bio bila bilo su će ce koji koja koje kojeg kojem
ovo ova ovaj taj ta to tog tom ti te po pri nakon prema godine godina danas juče juce rekao rekla izjavio
и у на је да се за од до су са из као што али или не би бити био била било ће који која које овај ова ово тај та то
по при након према године година данас јуче рекао рекла изјавио
`;

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Is this folded (lower-case, ё → е) word a function word or boilerplate? */
export function isStopword(form: string): boolean {
  return STOPWORDS.has(form);
}

// Capitalised words that are titles, institutions and nationalities rather than names. English
// capitalises them ("Prime Minister", "Business Council", "Serbian"), Russian and Kazakh mostly do
// not, so as anchors they would only make the English report of a story look unlike the others.
// Kept as cross-script skeletons, the form anchors take ("preziden": the analyser reads the -ті of
// Kazakh Президенті as a case ending).
const ANCHOR_WORDS = `
president prezident prezidenti premer prime minister ministr ministry ministerstvo head state order orden republic
respublika respublikasi preziden international airport business council national government pravitelstvo university company
city region district mayor akim akimat parliament senate mazhilis deputy chairman committee agency office department
kazakh serbian uzbek russian english american chinese turkish european
`;

let anchorStop: ReadonlySet<string> | null = null;

/** Is this anchor skeleton (see the analyser's `skeleton`) a title or institution, not a name? */
export function isAnchorStopword(key: string): boolean {
  anchorStop ??= new Set(ANCHOR_WORDS.split(/\s+/).filter(Boolean).map(skeleton));
  return anchorStop.has(key);
}
