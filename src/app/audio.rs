//! Sound through kira, used directly: a mixer with voice, effects and ambience
//! tracks, the built-in cues synthesised at startup, scenario sound files, the
//! customer's voice (one line's file at a time, loaded as it is said), a mute key. With no audio device the app runs silent on kira's mock backend
//! and says so on screen.

use std::collections::HashMap;
use std::f32::consts::TAU;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use kira::backend::mock::MockBackend;
use kira::sound::static_sound::{StaticSoundData, StaticSoundHandle, StaticSoundSettings};
use kira::track::{TrackBuilder, TrackHandle};
use kira::{AudioManager, AudioManagerSettings, Decibels, DefaultBackend, Frame, Tween};

use super::Options;
use super::screens::Screen;
use super::screens::call::CurrentCall;
use super::screens::library::Trainee;
use super::theme::{Look, size, space};
use super::widget;
use crate::scenario::{AssetRoots, BuiltinCue, Cue, Sound as Found};
use crate::voice::Request;
use crate::words::{Words, fill};

/// What the call asks the speakers for.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum Sound {
    /// A cue: a built-in sound or a file relative to the scenario's folders.
    Cue {
        /// As written in the scenario.
        cue: Cue,
        /// The scenario file, to resolve relative paths.
        scenario: PathBuf,
    },
    /// The phone rings until [`Sound::Quiet`].
    Ring,
    /// The call-center room, until [`Sound::Quiet`].
    Ambience,
    /// Stops the ring, the ambience and the voice.
    Quiet,
    /// A customer line's voice file, in place of the line being said; a file that is not
    /// there leaves the line as text.
    Line {
        /// The file and the delivery.
        request: Request,
        /// The scenario file, to find the voices folder beside it.
        scenario: PathBuf,
    },
    /// Stops the line being said (the trainee skipped ahead).
    Hush,
}

/// How long the line the speakers just started takes to say, for the call to keep in step.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct Heard(pub Option<Duration>);

/// A line's voice, loaded from its file as it is said; `None` (text only) when the file is
/// missing, unreadable or outside the scenario's folders.
pub fn voice_clip(
    request: &Request,
    scenario: &Path,
    roots: &AssetRoots,
) -> Option<StaticSoundData> {
    let path = request.locate(scenario, roots).ok()?;
    StaticSoundData::from_file(&path)
        .inspect_err(|error| info!("the voice {} does not play: {error}", path.display()))
        .ok()
}

/// A track of the mix, which the trainee turns up or down on the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Track {
    /// The customer's voice: sobs, sighs, shouts and the scenario's own recordings.
    Voice,
    /// The phone and the desk: the ring, the busy tone, typing, hold music.
    Effects,
    /// The call-center room around the trainee.
    Room,
}

impl Track {
    /// Every track, in the order of the library's buttons and keys 1, 2 and 3.
    pub const ALL: [Track; 3] = [Track::Voice, Track::Effects, Track::Room];

    /// The track's name, as the library shows it.
    pub fn name(self, words: &Words) -> &'static str {
        let ui = &words.interface;
        match self {
            Track::Voice => ui.track_voice,
            Track::Effects => ui.track_effects,
            Track::Room => ui.track_room,
        }
    }

    /// The digit that turns it down on the library.
    pub fn key(self) -> usize {
        match self {
            Track::Voice => 1,
            Track::Effects => 2,
            Track::Room => 3,
        }
    }

    /// Its level at full volume, in decibels: the mix as shipped.
    fn shipped(self) -> f32 {
        match self {
            Track::Voice => 0.0,
            Track::Effects => -6.0,
            Track::Room => -16.0,
        }
    }
}

/// The audio device, or the silent stand-in when there is none.
enum Device {
    Real(Box<AudioManager<DefaultBackend>>),
    Silent(Box<AudioManager<MockBackend>>),
}

/// The sound system: device, mixer tracks, clips.
struct Speakers {
    // Kept alive: dropping the manager stops all sound.
    _device: Device,
    voice: TrackHandle,
    effects: TrackHandle,
    room: TrackHandle,
    clips: HashMap<String, StaticSoundData>,
    looping: Vec<StaticSoundHandle>,
    /// The customer's line being said, stopped by the next one or by Space.
    speaking: Option<StaticSoundHandle>,
}

/// Steps of a track's volume above off.
pub const VOLUME_STEPS: u8 = 4;

/// The trainee's volume of each track, from 0 (off) to [`VOLUME_STEPS`] (the mix as
/// shipped). Keys 1, 2 and 3 on the library turn one down.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Volumes {
    voice: u8,
    effects: u8,
    room: u8,
}

impl Default for Volumes {
    fn default() -> Volumes {
        Volumes::clamped([VOLUME_STEPS; 3])
    }
}

impl Volumes {
    /// Volumes as kept in the settings file (in the order of [`Track::ALL`]), each kept
    /// within the steps.
    pub fn clamped(levels: [u8; 3]) -> Volumes {
        let [voice, effects, room] = levels.map(|level| level.min(VOLUME_STEPS));
        Volumes {
            voice,
            effects,
            room,
        }
    }

    /// The levels as kept in the settings file, in the order of [`Track::ALL`].
    pub fn levels(&self) -> [u8; 3] {
        Track::ALL.map(|track| self.level(track))
    }

    /// A track's level, from 0 (off) to [`VOLUME_STEPS`].
    pub fn level(&self, track: Track) -> u8 {
        match track {
            Track::Voice => self.voice,
            Track::Effects => self.effects,
            Track::Room => self.room,
        }
    }

    /// Turns one track down a step; from off it goes back to full.
    pub fn turn_down(&mut self, track: Track) {
        let level = match track {
            Track::Voice => &mut self.voice,
            Track::Effects => &mut self.effects,
            Track::Room => &mut self.room,
        };
        *level = level.checked_sub(1).unwrap_or(VOLUME_STEPS);
    }

    /// A track's volume as a percentage of the shipped mix.
    pub fn percent(&self, track: Track) -> u32 {
        u32::from(self.level(track)) * 100 / u32::from(VOLUME_STEPS)
    }

    /// A track's level in decibels: its shipped level, scaled by the trainee's volume.
    fn decibels(&self, track: Track) -> Decibels {
        let fraction = self.percent(track) as f32 / 100.0;
        if fraction <= 0.0 {
            Decibels::SILENCE
        } else {
            Decibels(track.shipped() + 20.0 * fraction.log10())
        }
    }
}

/// Whether sound plays, for the notice.
#[derive(Resource, Debug, Clone, Default)]
struct AudioStatus {
    silent: Option<Silent>,
    muted: bool,
}

/// Why no sound plays.
#[derive(Debug, Clone)]
enum Silent {
    /// There is no audio device: kira's silent backend stands in.
    NoDevice,
    /// The sound could not start at all, for this reason.
    Off(String),
}

/// The line in the corner that says the sound is off or muted.
#[derive(Component)]
struct SoundNotice;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AudioStatus>()
        .init_resource::<Heard>()
        .add_systems(Startup, (connect, spawn_notice))
        .add_systems(
            Update,
            (
                mute.in_set(super::AppSystems::Input),
                (levels, play, draw_notice)
                    .chain()
                    .in_set(super::AppSystems::View),
            ),
        );
}

/// Opens the speakers as the app starts (building it opens no device).
fn connect(world: &mut World) {
    let silent = match open() {
        Ok((speakers, silent)) => {
            world.insert_non_send(speakers);
            silent
        }
        Err(error) => Some(Silent::Off(error)),
    };
    world.resource_mut::<AudioStatus>().silent = silent;
}

/// Opens the audio device, or kira's mock backend when there is none.
fn open() -> Result<(Speakers, Option<Silent>), String> {
    let (mut device, silent) =
        match AudioManager::<DefaultBackend>::new(AudioManagerSettings::default()) {
            Ok(manager) => (Device::Real(Box::new(manager)), None),
            Err(error) => {
                let manager = AudioManager::<MockBackend>::new(AudioManagerSettings::default())
                    .map_err(|()| "kira's silent backend failed to start".to_owned())?;
                (
                    Device::Silent(Box::new(manager)),
                    Some({
                        info!("no audio device: {error}");
                        Silent::NoDevice
                    }),
                )
            }
        };
    let mut track = |track: Track| {
        let builder = TrackBuilder::new().volume(Decibels(track.shipped()));
        match &mut device {
            Device::Real(m) => m.add_sub_track(builder),
            Device::Silent(m) => m.add_sub_track(builder),
        }
        .map_err(|e| e.to_string())
    };
    let voice = track(Track::Voice)?;
    let effects = track(Track::Effects)?;
    let room = track(Track::Room)?;
    let clips = BuiltinCue::ALL
        .into_iter()
        .map(|cue| (cue.name().to_owned(), synthesise(cue)))
        .collect();
    Ok((
        Speakers {
            _device: device,
            voice,
            effects,
            room,
            clips,
            looping: Vec::new(),
            speaking: None,
        },
        silent,
    ))
}

impl Speakers {
    fn track(&mut self, track: Track) -> &mut TrackHandle {
        match track {
            Track::Voice => &mut self.voice,
            Track::Effects => &mut self.effects,
            Track::Room => &mut self.room,
        }
    }

    fn play(&mut self, clip: StaticSoundData, track: Track) -> Option<StaticSoundHandle> {
        self.track(track).play(clip).ok()
    }

    /// Sets every track's level: silence while muted, else the trainee's volumes.
    fn set_levels(&mut self, muted: bool, volumes: &Volumes) {
        for track in Track::ALL {
            let level = if muted {
                Decibels::SILENCE
            } else {
                volumes.decibels(track)
            };
            self.track(track).set_volume(level, Tween::default());
        }
    }
}

/// The track of a built-in cue: voices, the room, or effects.
fn track_of(cue: BuiltinCue) -> Track {
    match cue {
        cue if cue.is_voice() => Track::Voice,
        BuiltinCue::Ambience => Track::Room,
        _ => Track::Effects,
    }
}

/// M mutes and unmutes (not while the trainee types a name or a reply in their own words).
fn mute(
    keys: Res<ButtonInput<KeyCode>>,
    trainee: Res<Trainee>,
    call: Option<Res<CurrentCall>>,
    screen: Res<State<Screen>>,
    mut status: ResMut<AudioStatus>,
) {
    let replying = *screen.get() == Screen::Call && call.is_some_and(|c| c.is_typing());
    if !trainee.editing && !replying && keys.just_pressed(KeyCode::KeyM) {
        status.muted = !status.muted;
    }
}

/// The tracks follow the trainee's volumes, or are silent while muted.
fn levels(volumes: Res<Volumes>, speakers: Option<NonSendMut<Speakers>>, status: Res<AudioStatus>) {
    if let Some(mut speakers) = speakers
        && (status.is_changed() || volumes.is_changed())
    {
        speakers.set_levels(status.muted, &volumes);
    }
}

fn play(
    mut sounds: MessageReader<Sound>,
    speakers: Option<NonSendMut<Speakers>>,
    options: Res<Options>,
    mut heard: ResMut<Heard>,
) {
    let Some(mut speakers) = speakers else {
        sounds.clear();
        return;
    };
    for sound in sounds.read() {
        match sound {
            Sound::Cue { cue, scenario } => {
                let roots = AssetRoots::of(scenario, &options.libraries, options.assets.clone());
                let (clip, track) = match cue.locate(scenario, &roots) {
                    Ok(Found::Builtin(cue)) => {
                        (speakers.clips.get(cue.name()).cloned(), track_of(cue))
                    }
                    Ok(Found::File(path)) => {
                        let key = path.to_string_lossy().into_owned();
                        let clip = match speakers.clips.get(&key) {
                            Some(clip) => Some(clip.clone()),
                            None => StaticSoundData::from_file(&path).ok().inspect(|clip| {
                                speakers.clips.insert(key, clip.clone());
                            }),
                        };
                        (clip, Track::Voice)
                    }
                    // `frontline check` reports these; the call goes on without the sound.
                    Err(_) => (None, Track::Effects),
                };
                if let Some(clip) = clip {
                    speakers.play(clip, track);
                }
            }
            Sound::Ring | Sound::Ambience => {
                let (cue, track) = if *sound == Sound::Ring {
                    (BuiltinCue::Ring, Track::Effects)
                } else {
                    (BuiltinCue::Ambience, Track::Room)
                };
                if let Some(clip) = speakers.clips.get(cue.name()).cloned() {
                    let looped = clip.loop_region(..);
                    if let Some(handle) = speakers.play(looped, track) {
                        speakers.looping.push(handle);
                    }
                }
            }
            Sound::Quiet => {
                let speaking = speakers.speaking.take();
                for mut handle in speakers.looping.drain(..).chain(speaking) {
                    handle.stop(Tween::default());
                }
            }
            Sound::Line { request, scenario } => {
                if let Some(mut said) = speakers.speaking.take() {
                    said.stop(Tween::default());
                }
                let roots = AssetRoots::of(scenario, &options.libraries, options.assets.clone());
                if let Some(clip) = voice_clip(request, scenario, &roots) {
                    heard.0 = Some(clip.duration());
                    speakers.speaking = speakers.play(clip, Track::Voice);
                }
            }
            Sound::Hush => {
                if let Some(mut said) = speakers.speaking.take() {
                    said.stop(Tween::default());
                }
            }
        }
    }
}

fn spawn_notice(mut commands: Commands, look: Res<Look>) {
    commands.spawn((
        SoundNotice,
        Node {
            position_type: PositionType::Absolute,
            right: px(space::L),
            bottom: px(space::S),
            ..default()
        },
        GlobalZIndex(20),
        widget::text(&look, "", size::SMALL, look.palette.warn),
    ));
}

fn draw_notice(
    status: Res<AudioStatus>,
    look: Res<Look>,
    notice: Single<(&mut Text, &mut TextColor), With<SoundNotice>>,
) {
    if !status.is_changed() && !look.is_changed() {
        return;
    }
    let ui = &look.words.interface;
    let mut parts = Vec::new();
    match &status.silent {
        Some(Silent::NoDevice) => parts.push(ui.no_audio.to_owned()),
        Some(Silent::Off(error)) => parts.push(fill(ui.sound_off, &[("error", error)])),
        None => {}
    }
    if status.muted {
        parts.push(ui.muted.to_owned());
    }
    let (mut text, mut color) = notice.into_inner();
    text.0 = parts.join(" · ");
    color.0 = look.palette.warn;
}

/// Samples per second of the synthesised cues: tones below 1 kHz, filtered noise and
/// clicks need no more than half the CD rate, and the mixer resamples, so they take half
/// the memory. (The noise filters are tuned to this rate: the same cut-off and loudness.)
const RATE: u32 = 22_050;

/// A deterministic noise source, so every installation sounds the same.
struct Noise(u32);

impl Noise {
    fn next(&mut self) -> f32 {
        // xorshift32
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        (self.0 as f32 / u32::MAX as f32) * 2.0 - 1.0
    }
}

/// Builds `seconds` of sound from a function of time (and a noise source).
fn render(seconds: f32, mut sample: impl FnMut(f32, &mut Noise) -> f32) -> StaticSoundData {
    let count = (seconds * RATE as f32) as usize;
    let mut noise = Noise(0x9e37_79b9);
    let frames: Arc<[Frame]> = (0..count)
        .map(|i| {
            let t = i as f32 / RATE as f32;
            Frame::from_mono(sample(t, &mut noise).clamp(-1.0, 1.0))
        })
        .collect();
    StaticSoundData {
        sample_rate: RATE,
        frames,
        settings: StaticSoundSettings::default(),
        slice: None,
    }
}

/// A smooth attack and release over `length` seconds, for a sound starting at 0.
fn envelope(t: f32, length: f32) -> f32 {
    if t < 0.0 || t > length {
        return 0.0;
    }
    let edge = (length * 0.15).min(0.05);
    (t / edge).min(1.0) * ((length - t) / edge).min(1.0)
}

/// A built-in cue, synthesised: see assets/README.md.
fn synthesise(cue: BuiltinCue) -> StaticSoundData {
    match cue {
        // The Italian ring: 425 Hz, one second on, four off.
        BuiltinCue::Ring => render(5.0, |t, _| {
            let on = envelope(t, 1.0);
            on * 0.35 * (TAU * 425.0 * t).sin()
        }),
        // The busy tone after a hang-up: 425 Hz, 0.2 s on, 0.2 s off, three times.
        BuiltinCue::HangUp => render(1.2, |t, _| {
            let on = envelope(t % 0.4, 0.2);
            on * 0.35 * (TAU * 425.0 * t).sin()
        }),
        // Three falling, trembling voiced breaths.
        BuiltinCue::Sob => render(1.8, |t, noise| {
            let burst = t % 0.6;
            let pitch = 330.0 - burst * 180.0 + 12.0 * (TAU * 7.0 * t).sin();
            let voice = (TAU * pitch * t).sin() * 0.5 + 0.2 * (TAU * pitch * 2.0 * t).sin();
            envelope(burst, 0.45) * (0.5 * voice + 0.15 * noise.next())
        }),
        // Breath noise swelling and fading.
        BuiltinCue::Sigh => {
            let mut low = 0.0;
            render(1.4, move |t, noise| {
                low += (noise.next() - low) * 0.16;
                let shape = (std::f32::consts::PI * t / 1.4).sin().powi(2);
                shape * 1.13 * low
            })
        }
        // A raised voice: a harsh buzz with a rising, wavering pitch.
        BuiltinCue::Shout => render(0.7, |t, noise| {
            let pitch = 220.0 + 80.0 * t + 6.0 * (TAU * 9.0 * t).sin();
            let phase = (pitch * t).fract();
            let saw = 2.0 * phase - 1.0;
            envelope(t, 0.7) * (0.35 * saw + 0.05 * noise.next())
        }),
        // Keyboard clicks at an uneven pace.
        BuiltinCue::Typing => render(1.2, |t, noise| {
            let beat = t * 11.0;
            let local = beat.fract() / 11.0;
            let skip = (beat.floor() as u32).is_multiple_of(4);
            if skip || local > 0.012 {
                0.0
            } else {
                noise.next() * 0.5 * (1.0 - local / 0.012)
            }
        }),
        // A gentle arpeggio: C, E, G, E, F, A, C, A.
        BuiltinCue::HoldMusic => render(6.4, |t, _| {
            const NOTES: [f32; 8] = [261.6, 329.6, 392.0, 329.6, 349.2, 440.0, 523.3, 440.0];
            let step = (t / 0.4) as usize % NOTES.len();
            let local = t % 0.4;
            let f = NOTES[step];
            envelope(local, 0.38) * 0.22 * ((TAU * f * t).sin() + 0.3 * (TAU * 2.0 * f * t).sin())
        }),
        // The room: a low, soft murmur (filtered noise with a slow swell).
        BuiltinCue::Ambience => {
            let mut low = 0.0;
            render(8.0, move |t, noise| {
                low += (noise.next() - low) * 0.04;
                let swell = 0.8 + 0.2 * (TAU * t / 8.0).sin();
                swell * 0.85 * low
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_track_at_full_volume_plays_at_its_shipped_level_half_is_six_decibels_down_and_off_is_silent()
     {
        let mut volumes = Volumes::default();
        assert_eq!(volumes.decibels(Track::Room), Decibels(-16.0));
        volumes.turn_down(Track::Room);
        volumes.turn_down(Track::Room);
        assert_eq!(volumes.percent(Track::Room), 50);
        assert!((volumes.decibels(Track::Room).0 - (-16.0 - 6.0206)).abs() < 0.001);
        volumes.turn_down(Track::Room);
        volumes.turn_down(Track::Room);
        assert_eq!(volumes.decibels(Track::Room), Decibels::SILENCE);
        assert_eq!(volumes.levels(), [4, 4, 0], "only the room is turned down");
        volumes.turn_down(Track::Room);
        assert_eq!(volumes.percent(Track::Room), 100, "after off comes full");
    }
}
