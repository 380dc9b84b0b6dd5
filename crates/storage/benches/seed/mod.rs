//! A deterministic register for the benchmarks: the same items on every run.

use benchlog_domain::equipment::{EquipmentFields, EquipmentStatus};

const KINDS: &[&str] = &[
    "Digital multimeter",
    "Oscilloscope",
    "Torque wrench",
    "Pressure gauge",
    "Thermometer",
    "Hygrometer",
    "Analytical balance",
    "Caliper",
    "Micrometer",
    "Pipette",
    "pH meter",
    "Conductivity meter",
    "Power supply",
    "Signal generator",
    "Data logger",
    "Gauge block set",
    "Height gauge",
    "Force gauge",
    "Tachometer",
    "Sound level meter",
    "Light meter",
    "Insulation tester",
    "Clamp meter",
    "Thermocouple",
];
const MAKERS: &[&str] = &[
    "Fluke",
    "Keysight",
    "Mitutoyo",
    "Mettler Toledo",
    "Tektronix",
    "Rohde & Schwarz",
    "Vaisala",
    "Testo",
    "Sartorius",
    "Eppendorf",
    "Hioki",
    "Yokogawa",
];

/// A small deterministic generator, so every run seeds the same register.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

pub fn seed_item(n: usize, rng: &mut Lcg) -> EquipmentFields {
    let status = match rng.next(100) {
        0..85 => EquipmentStatus::Active,
        85..93 => EquipmentStatus::OutOfService,
        93..98 => EquipmentStatus::Retired,
        _ => EquipmentStatus::Lost,
    };
    EquipmentFields {
        asset_tag: format!("EQ-{n:06}"),
        name: KINDS[rng.next(KINDS.len())].to_owned(),
        manufacturer: MAKERS[rng.next(MAKERS.len())].to_owned(),
        model: format!("M{}", rng.next(900) + 100),
        serial_number: format!("{:08X}", rng.next(u32::MAX as usize)),
        location: format!(
            "Building {} / Room {}",
            (b'A' + rng.next(5) as u8) as char,
            rng.next(60) + 1
        ),
        department: ["QC", "R&D", "Production", "Maintenance"][rng.next(4)].to_owned(),
        owner: String::new(),
        status,
        reference_standard: rng.next(100) < 3,
        notes: String::new(),
    }
}
