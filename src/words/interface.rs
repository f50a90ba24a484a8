//! The interface's own words: the library, the progress and trainer screens, the notices, the
//! terminal's tables. They follow the language the trainee chose for the interface (by default
//! the system's), while a call and its debrief follow the scenario's (the parent module).

use serde::Serialize;

/// Every word of the interface around the calls, for one language. Templates name their
/// blanks in braces, filled by [`super::fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Interface {
    /// The language's own name, as the switch between languages shows it.
    pub name: &'static str,
    /// The library's title.
    pub library_title: &'static str,
    /// The trainee's name being typed: `{name}`.
    pub name_editing: &'static str,
    /// The trainee's name, with its key: `{name}`.
    pub name_button: &'static str,
    /// Coach mode chosen, with its key.
    pub mode_coach: &'static str,
    /// Exam mode chosen, with its key.
    pub mode_exam: &'static str,
    /// Coach mode, short, in the progress screen's list.
    pub coach: &'static str,
    /// Exam mode, short.
    pub exam: &'static str,
    /// The answers are printed to pick from, with the key.
    pub answers_pick: &'static str,
    /// The answers are typed in one's own words, with the key.
    pub answers_own_words: &'static str,
    /// Own words chosen, its matcher still loading.
    pub answers_loading: &'static str,
    /// The language filter: `{language}`.
    pub language_filter: &'static str,
    /// The tag filter: `{tag}`.
    pub tag_filter: &'static str,
    /// No filter: every language, every tag.
    pub all: &'static str,
    /// The interface's language, with its key: `{language}`.
    pub interface_button: &'static str,
    /// The normal theme chosen, with the key.
    pub contrast_normal: &'static str,
    /// The high-contrast theme chosen, with the key.
    pub contrast_high: &'static str,
    /// To the progress screen.
    pub progress_button: &'static str,
    /// To the trainer's view.
    pub team_button: &'static str,
    /// The library's keys.
    pub library_keys: &'static str,
    /// A track's volume button: `{track}`, `{percent}`, `{key}`.
    pub volume: &'static str,
    /// The customer's voice track.
    pub track_voice: &'static str,
    /// The phone's effects track.
    pub track_effects: &'static str,
    /// The room's track.
    pub track_room: &'static str,
    /// Heading of the trainee's assignments: `{name}`.
    pub assigned_to: &'static str,
    /// An assignment and where the trainee stands: `{name}`, `{status}`, `{due}`, `{calls}`.
    pub assignment: &'static str,
    /// The four standings of an assignment.
    pub statuses: StatusWords,
    /// The four difficulties.
    pub difficulties: DifficultyWords,
    /// A call's length: `{minutes}`.
    pub minutes: &'static str,
    /// The foot of `frontline list`: `{count}` scenarios.
    pub scenarios_listed: &'static str,
    /// The library has no file yet.
    pub loading_library: &'static str,
    /// The filters hide every card.
    pub no_match: &'static str,
    /// A card whose file does not play.
    pub broken_card: &'static str,
    /// A card whose last save is broken.
    pub stale_card: &'static str,
    /// More problems than a card shows: `{count}`.
    pub more_problems: &'static str,
    /// The trainee's standing on a card: `{best}`, `{last}`.
    pub best_last: &'static str,
    /// A score and how it counted: `{score}`, `{verdict}`.
    pub score_verdict: &'static str,
    /// A card not played yet.
    pub not_played: &'static str,
    /// The progress screen's title: `{trainee}`.
    pub progress_title: &'static str,
    /// The progress screen's keys.
    pub progress_keys: &'static str,
    /// The records cannot be read: `{problem}`.
    pub records_unreadable: &'static str,
    /// No call yet: `{trainee}`.
    pub no_calls_yet: &'static str,
    /// A chart's heading figures: `{last}`, `{best}`.
    pub last_best: &'static str,
    /// Under a chart of one call.
    pub one_call: &'static str,
    /// Several calls: `{count}`.
    pub calls: &'static str,
    /// Under a chart of several calls: `{count}`.
    pub calls_oldest_left: &'static str,
    /// The list's column of when a call ended.
    pub column_when: &'static str,
    /// The list's column of the scenario.
    pub column_scenario: &'static str,
    /// The list's column of the mode.
    pub column_mode: &'static str,
    /// The list's column of the outcome.
    pub column_outcome: &'static str,
    /// The list's column of the overall score.
    pub column_overall: &'static str,
    /// The list's column of how the call counted.
    pub column_result: &'static str,
    /// A past call that cannot be reopened: `{when}`, `{why}`.
    pub cannot_reopen: &'static str,
    /// A reopened call whose scenario changed since: `{when}`, `{changed}`, `{scores}`.
    pub reopened_changed: &'static str,
    /// Why a past call cannot be reopened: its file has errors now: `{path}`.
    pub file_has_errors: &'static str,
    /// Why a past call cannot be reopened: its scenario is gone: `{path}`, `{id}`.
    pub file_missing: &'static str,
    /// ... and the scores are the recorded ones.
    pub scores_as_recorded: &'static str,
    /// ... and they are not: `{overall}`, `{verdict}`.
    pub scores_now: &'static str,
    /// The trainer's view's title.
    pub team_title: &'static str,
    /// The team's calls being read.
    pub reading_team: &'static str,
    /// The team's calls cannot be read: `{why}`.
    pub team_unreadable: &'static str,
    /// Why the team's calls were not read: the reading stopped.
    pub team_read_stopped: &'static str,
    /// The team's view's first line: `{calls}`, `{trainees}`, `{from}`.
    pub team_summary: &'static str,
    /// Where the team's calls were read, a learning record store: `{url}`.
    pub from_store: &'static str,
    /// Where the team's calls were read, the records on this PC: `{path}`.
    pub from_records: &'static str,
    /// Heading of the trainees.
    pub trainees_heading: &'static str,
    /// A trainee's line: `{trainee}`, `{calls}`, `{passed}`, `{best}`, `{last}`, `{weakest}`,
    /// `{trend}`.
    pub trainee_line: &'static str,
    /// A trainee's trend, after their line: `{trend}`.
    pub trend: &'static str,
    /// A scenario's line: `{scenario}`, `{attempts}`, `{pass_rate}`, `{average}`.
    pub scenario_line: &'static str,
    /// Heading of where the team goes wrong.
    pub misses_heading: &'static str,
    /// Most chose to say nothing.
    pub let_timer_run_out: &'static str,
    /// The time taken to answer, after a miss: `{seconds}`.
    pub seconds_to_answer: &'static str,
    /// A decision the team misses: `{node}`, `{missed}`, `{attempts}`, `{chosen}`, `{seconds}`.
    pub miss_line: &'static str,
    /// A rule broken so often: `{rule}`, `{count}`.
    pub rule_count: &'static str,
    /// Heading of the assignments' completion.
    pub assignments_heading: &'static str,
    /// The sound is off: `{error}`.
    pub sound_off: &'static str,
    /// There is no audio device.
    pub no_audio: &'static str,
    /// The sound is muted.
    pub muted: &'static str,
    /// A call exported: `{folder}`, `{spreadsheets}`, `{xapi}`.
    pub exported: &'static str,
    /// Joins two files' names, as in "calls.csv and decisions.csv".
    pub and: &'static str,
    /// A call not exported: `{why}`.
    pub not_exported: &'static str,
    /// The records cannot be written; no call waits.
    pub kept_none: &'static str,
    /// The records cannot be written; the last call waits.
    pub kept_one: &'static str,
    /// The records cannot be written; calls wait: `{count}`.
    pub kept_many: &'static str,
    /// No store to send to: `{why}`.
    pub not_sent: &'static str,
    /// Sending to the store: `{lrs}`.
    pub sending: &'static str,
    /// Every call sent: `{lrs}`.
    pub all_sent: &'static str,
    /// One statement waits: `{lrs}`, `{why}` (empty, or `: ` and the reason).
    pub waiting_one: &'static str,
    /// Statements wait: `{count}`, `{lrs}`, `{why}`.
    pub waiting_many: &'static str,
    /// The assignments have problems: `{count}`, `{folder}`, `{first}`.
    pub assignment_problems: &'static str,
    /// Why own words cannot be used: its matcher stopped while loading.
    pub matcher_stopped: &'static str,
    /// Own words cannot be used: `{why}`.
    pub own_words_unavailable: &'static str,
    /// The settings file cannot be read, and was put aside: `{path}`, `{error}`, `{aside}`.
    pub settings_put_aside: &'static str,
    /// The settings file cannot be read, nor put aside: `{path}`, `{error}`, `{why}`.
    pub settings_unreadable: &'static str,
    /// A call written to the records, in the terminal: `{id}`.
    pub recorded_as: &'static str,
    /// The terminal's history with no call: `{path}`.
    pub no_calls_in: &'static str,
    /// The history's column of when a call ended.
    pub column_ended: &'static str,
    /// The history's column of the trainee.
    pub column_trainee: &'static str,
    /// Months' names, January first, as a date is written in a sentence.
    pub months: [&'static str; 12],
    /// A date: `{day}`, `{month}`, `{year}`.
    pub date: &'static str,
    /// A date and a time of day: `{date}`, `{time}`.
    pub date_time: &'static str,
    /// The decimal separator.
    pub decimal: char,
}

/// The four standings of an assignment (`crate::centre::Status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusWords {
    /// Not every call passed yet, the due day not over.
    pub to_do: &'static str,
    /// Every call passed by the due day.
    pub passed: &'static str,
    /// A call tried and not passed, the due day not over.
    pub failed: &'static str,
    /// The due day is over and some call is not passed.
    pub overdue: &'static str,
}

/// The four difficulties (`crate::scenario::Difficulty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DifficultyWords {
    /// First calls of onboarding.
    pub beginner: &'static str,
    /// The basics in place.
    pub intermediate: &'static str,
    /// Confident agents.
    pub advanced: &'static str,
    /// Experienced agents.
    pub expert: &'static str,
}

/// English.
pub const ENGLISH: Interface = Interface {
    name: "English",
    library_title: "Frontline — call library",
    name_editing: "Name: {name}▏",
    name_button: "Name: {name} (N)",
    mode_coach: "Mode: coach (Tab)",
    mode_exam: "Mode: exam (Tab)",
    coach: "coach",
    exam: "exam",
    answers_pick: "Answers: pick (O)",
    answers_own_words: "Answers: own words (O)",
    answers_loading: "Answers: own words, loading… (O)",
    language_filter: "Language: {language} (L)",
    tag_filter: "Tag: {tag} (T)",
    all: "all",
    interface_button: "Interface: {language} (I)",
    contrast_normal: "Contrast: normal (C)",
    contrast_high: "Contrast: high (C)",
    progress_button: "Progress (P)",
    team_button: "Team (G)",
    library_keys: "← → ↑ ↓ choose a call · Enter or click to play · Tab coach/exam · O pick the printed answers or type your own words · N your name · P your progress · G the team (for trainers) · I interface language · C high contrast · 1 2 3 volume · M mute · Ctrl + Ctrl − text size · coach mode shows feedback after each choice, exam mode only in the debrief",
    volume: "{track} {percent} ({key})",
    track_voice: "Voice",
    track_effects: "Effects",
    track_room: "Room",
    assigned_to: "ASSIGNED TO {name}",
    assignment: "{name} — {status} · due {due} · {calls}",
    statuses: StatusWords {
        to_do: "to do",
        passed: "passed",
        failed: "failed",
        overdue: "overdue",
    },
    difficulties: DifficultyWords {
        beginner: "beginner",
        intermediate: "intermediate",
        advanced: "advanced",
        expert: "expert",
    },
    minutes: "{minutes} min",
    scenarios_listed: "{count} scenarios",
    loading_library: "Loading the scenario library… (no .ron files found yet)",
    no_match: "No scenario matches the filters.",
    broken_card: "Broken — fix the file to play it",
    stale_card: "The last save has errors — playing the last good version",
    more_problems: "… and {count} more (run `frontline check`)",
    best_last: "Best {best} · last {last}",
    score_verdict: "{score} ({verdict})",
    not_played: "Not played yet",
    progress_title: "Progress — {trainee}",
    progress_keys: "↑ ↓ choose a call · Enter or click to reopen its debrief · Esc back to the library · the name is set on the library (N)",
    records_unreadable: "The call records cannot be read: {problem}",
    no_calls_yet: "No calls recorded for {trainee} yet: play one from the library.",
    last_best: "last {last} · best {best}",
    one_call: "1 call",
    calls: "{count} calls",
    calls_oldest_left: "{count} calls, oldest on the left",
    column_when: "WHEN (UTC)",
    column_scenario: "SCENARIO",
    column_mode: "MODE",
    column_outcome: "OUTCOME",
    column_overall: "OVERALL",
    column_result: "RESULT",
    cannot_reopen: "The call of {when} UTC cannot be reopened: {why}.",
    reopened_changed: "Reopened call of {when} UTC: {changed}. The recorded answers still fit it; {scores}.",
    file_has_errors: "its scenario file {path} has errors now (`frontline check` shows them)",
    file_missing: "its scenario file {path} is missing or no longer holds `{id}`, and the library has no playable scenario `{id}`",
    scores_as_recorded: "the scores are the recorded ones",
    scores_now: "the scores shown are the scenario's now; recorded: overall {overall} ({verdict})",
    team_title: "Team — where it goes wrong",
    reading_team: "Reading the team's calls…",
    team_unreadable: "The team's calls cannot be read: {why}",
    team_read_stopped: "reading the team's calls stopped",
    team_summary: "Calls: {calls} · trainees: {trainees} · {from}. ↑ ↓ scroll · Esc back to the library",
    from_store: "from the learning record store at {url}",
    from_records: "from the records in {path}",
    trainees_heading: "TRAINEES — calls, passed, best, last, weakest dimension, trend",
    trainee_line: "{trainee} · calls: {calls} · passed: {passed} · best {best} · last {last} · weakest: {weakest}{trend}",
    trend: " · trend {trend}",
    scenario_line: "{scenario} — attempts: {attempts} · passed {pass_rate} · average {average}",
    misses_heading: "WHERE THE TEAM GOES WRONG — worst first",
    let_timer_run_out: "let the timer run out",
    seconds_to_answer: " · {seconds} s to answer",
    miss_line: "{node}: missed {missed} of {attempts} · most chosen instead: {chosen}{seconds}",
    rule_count: "rule broken: {rule} × {count}",
    assignments_heading: "ASSIGNMENTS — how many trainees stand where",
    sound_off: "Sound is off: {error}",
    no_audio: "No audio device: running silent",
    muted: "Muted (M to unmute)",
    exported: "Exported to {folder}: {spreadsheets} (open them in a spreadsheet) and {xapi} (for a learning record store).",
    and: "and",
    not_exported: "Cannot export the call: {why}.",
    kept_none: "Calls played meanwhile are kept until they can be written.",
    kept_one: "The last call is not saved yet: it is kept until the records can be written (closing Frontline puts it aside for the next start).",
    kept_many: "The last {count} calls are not saved yet: they are kept until the records can be written (closing Frontline puts them aside for the next start).",
    not_sent: "The calls are not sent: {why}.",
    sending: "Sending the calls to the learning record store at {lrs}…",
    all_sent: "Every call is sent to the learning record store at {lrs}.",
    waiting_one: "1 statement waits for the learning record store at {lrs}{why}; it is sent after the next call.",
    waiting_many: "{count} statements wait for the learning record store at {lrs}{why}; they are sent after the next call.",
    assignment_problems: "{count} problems in the assignments of {folder} (`frontline assignments` lists them): {first}",
    matcher_stopped: "the matcher stopped while loading",
    own_words_unavailable: "Own words is not available ({why}): the answers stay printed.",
    settings_put_aside: "The settings in {path} cannot be read ({error}): the file is kept as {aside} and the default volumes are used.",
    settings_unreadable: "The settings in {path} cannot be read ({error}) nor kept aside ({why}): the default volumes are used, and saving them replaces the file.",
    recorded_as: "recorded as call {id} (frontline replay {id})",
    no_calls_in: "no calls recorded in {path}",
    column_ended: "ENDED (UTC)",
    column_trainee: "TRAINEE",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: "{month} {day}, {year}",
    date_time: "{date}, {time}",
    decimal: '.',
};

/// Italian.
pub const ITALIAN: Interface = Interface {
    name: "italiano",
    library_title: "Frontline — libreria delle chiamate",
    name_editing: "Nome: {name}▏",
    name_button: "Nome: {name} (N)",
    mode_coach: "Modalità: guidata (Tab)",
    mode_exam: "Modalità: esame (Tab)",
    coach: "guidata",
    exam: "esame",
    answers_pick: "Risposte: da scegliere (O)",
    answers_own_words: "Risposte: con parole tue (O)",
    answers_loading: "Risposte: con parole tue, caricamento… (O)",
    language_filter: "Lingua: {language} (L)",
    tag_filter: "Etichetta: {tag} (T)",
    all: "tutte",
    interface_button: "Interfaccia: {language} (I)",
    contrast_normal: "Contrasto: normale (C)",
    contrast_high: "Contrasto: alto (C)",
    progress_button: "Progressi (P)",
    team_button: "Squadra (G)",
    library_keys: "← → ↑ ↓ scegli una chiamata · Invio o clic per giocarla · Tab guidata/esame · O scegli tra le risposte stampate o scrivi con parole tue · N il tuo nome · P i tuoi progressi · G la squadra (per i formatori) · I lingua dell'interfaccia · C alto contrasto · 1 2 3 volume · M silenzia · Ctrl + Ctrl − dimensione del testo · la modalità guidata commenta ogni scelta, l'esame solo nel debriefing",
    volume: "{track} {percent} ({key})",
    track_voice: "Voce",
    track_effects: "Effetti",
    track_room: "Ambiente",
    assigned_to: "ASSEGNATE A {name}",
    assignment: "{name} — {status} · scadenza {due} · {calls}",
    statuses: StatusWords {
        to_do: "da fare",
        passed: "superata",
        failed: "non superata",
        overdue: "scaduta",
    },
    difficulties: DifficultyWords {
        beginner: "principiante",
        intermediate: "intermedio",
        advanced: "avanzato",
        expert: "esperto",
    },
    minutes: "{minutes} min",
    scenarios_listed: "{count} scenari",
    loading_library: "Caricamento della libreria degli scenari… (nessun file .ron trovato finora)",
    no_match: "Nessuno scenario corrisponde ai filtri.",
    broken_card: "Guasto — correggi il file per giocarlo",
    stale_card: "L'ultimo salvataggio ha errori — si gioca l'ultima versione buona",
    more_problems: "… e altri {count} (esegui `frontline check`)",
    best_last: "Migliore {best} · ultima {last}",
    score_verdict: "{score} ({verdict})",
    not_played: "Non ancora giocato",
    progress_title: "Progressi — {trainee}",
    progress_keys: "↑ ↓ scegli una chiamata · Invio o clic per riaprirne il debriefing · Esc torna alla libreria · il nome si imposta nella libreria (N)",
    records_unreadable: "Le registrazioni delle chiamate non si possono leggere: {problem}",
    no_calls_yet: "Nessuna chiamata registrata per {trainee}: giocane una dalla libreria.",
    last_best: "ultima {last} · migliore {best}",
    one_call: "1 chiamata",
    calls: "{count} chiamate",
    calls_oldest_left: "{count} chiamate, la più vecchia a sinistra",
    column_when: "QUANDO (UTC)",
    column_scenario: "SCENARIO",
    column_mode: "MODALITÀ",
    column_outcome: "ESITO",
    column_overall: "TOTALE",
    column_result: "RISULTATO",
    cannot_reopen: "La chiamata del {when} UTC non si può riaprire: {why}.",
    reopened_changed: "Chiamata del {when} UTC riaperta: {changed}. Le risposte registrate sono ancora valide; {scores}.",
    file_has_errors: "il suo file di scenario {path} ora ha errori (`frontline check` li mostra)",
    file_missing: "il suo file di scenario {path} manca o non contiene più `{id}`, e la libreria non ha uno scenario `{id}` giocabile",
    scores_as_recorded: "i punteggi sono quelli registrati",
    scores_now: "i punteggi mostrati sono quelli dello scenario di oggi; registrato: totale {overall} ({verdict})",
    team_title: "Squadra — dove sbaglia",
    reading_team: "Lettura delle chiamate della squadra…",
    team_unreadable: "Le chiamate della squadra non si possono leggere: {why}",
    team_read_stopped: "la lettura delle chiamate della squadra si è interrotta",
    team_summary: "Chiamate: {calls} · allievi: {trainees} · {from}. ↑ ↓ scorri · Esc torna alla libreria",
    from_store: "dal learning record store {url}",
    from_records: "dalle registrazioni in {path}",
    trainees_heading: "ALLIEVI — chiamate, superate, migliore, ultima, dimensione più debole, andamento",
    trainee_line: "{trainee} · chiamate: {calls} · superate: {passed} · migliore {best} · ultima {last} · più debole: {weakest}{trend}",
    trend: " · andamento {trend}",
    scenario_line: "{scenario} — tentativi: {attempts} · superati {pass_rate} · media {average}",
    misses_heading: "DOVE LA SQUADRA SBAGLIA — prima i casi peggiori",
    let_timer_run_out: "ha lasciato scadere il tempo",
    seconds_to_answer: " · {seconds} s per rispondere",
    miss_line: "{node}: sbagliata {missed} su {attempts} · scelta più spesso al suo posto: {chosen}{seconds}",
    rule_count: "regola violata: {rule} × {count}",
    assignments_heading: "ASSEGNAZIONI — quanti allievi in ogni stato",
    sound_off: "Audio disattivato: {error}",
    no_audio: "Nessun dispositivo audio: si procede senza suono",
    muted: "Audio silenziato (M per riattivarlo)",
    exported: "Esportata in {folder}: {spreadsheets} (da aprire con un foglio di calcolo) e {xapi} (per un learning record store).",
    and: "e",
    not_exported: "Impossibile esportare la chiamata: {why}.",
    kept_none: "Le chiamate giocate nel frattempo sono conservate finché non si possono scrivere.",
    kept_one: "L'ultima chiamata non è ancora salvata: è conservata finché le registrazioni non si possono scrivere (chiudendo Frontline viene messa da parte per il prossimo avvio).",
    kept_many: "Le ultime {count} chiamate non sono ancora salvate: sono conservate finché le registrazioni non si possono scrivere (chiudendo Frontline vengono messe da parte per il prossimo avvio).",
    not_sent: "Le chiamate non vengono inviate: {why}.",
    sending: "Invio delle chiamate al learning record store {lrs}…",
    all_sent: "Ogni chiamata è stata inviata al learning record store {lrs}.",
    waiting_one: "1 dichiarazione attende il learning record store {lrs}{why}; sarà inviata dopo la prossima chiamata.",
    waiting_many: "{count} dichiarazioni attendono il learning record store {lrs}{why}; saranno inviate dopo la prossima chiamata.",
    assignment_problems: "{count} problemi nelle assegnazioni di {folder} (`frontline assignments` li elenca): {first}",
    matcher_stopped: "il riconoscimento delle risposte si è interrotto durante il caricamento",
    own_words_unavailable: "Le parole tue non sono disponibili ({why}): le risposte restano stampate.",
    settings_put_aside: "Le impostazioni in {path} non si possono leggere ({error}): il file è conservato come {aside} e si usano i volumi predefiniti.",
    settings_unreadable: "Le impostazioni in {path} non si possono leggere ({error}) né mettere da parte ({why}): si usano i volumi predefiniti, e salvarli sostituisce il file.",
    recorded_as: "registrata come chiamata {id} (frontline replay {id})",
    no_calls_in: "nessuna chiamata registrata in {path}",
    column_ended: "FINE (UTC)",
    column_trainee: "ALLIEVO",
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    date: "{day} {month} {year}",
    date_time: "{date}, {time}",
    decimal: ',',
};
