//! RFC 6225: coordinate-based location (123 GeoConf, 144 GeoLoc).

use core::fmt;

use super::value::{Length, OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Options 123 and 144: 16 bytes of latitude, longitude and altitude with
/// their uncertainties (or resolutions, in RFC 3825's version 0), the
/// altitude type, the version and the datum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GeoLocation(pub [u8; 16]);

impl GeoLocation {
    fn bits(&self, start: u32, len: u32) -> u64 {
        let v = u128::from_be_bytes(self.0);
        ((v >> (128 - start - len)) & ((1u128 << len) - 1)) as u64
    }

    fn signed(&self, start: u32, len: u32) -> i64 {
        let v = self.bits(start, len) as i64;
        (v << (64 - len)) >> (64 - len)
    }

    /// Latitude uncertainty (6 bits).
    pub fn latitude_uncertainty(&self) -> u8 {
        self.bits(0, 6) as u8
    }

    /// Latitude in degrees (34-bit fixed point, 25 fraction bits).
    pub fn latitude(&self) -> f64 {
        self.signed(6, 34) as f64 / f64::from(1u32 << 25)
    }

    /// Longitude uncertainty (6 bits).
    pub fn longitude_uncertainty(&self) -> u8 {
        self.bits(40, 6) as u8
    }

    /// Longitude in degrees (34-bit fixed point, 25 fraction bits).
    pub fn longitude(&self) -> f64 {
        self.signed(46, 34) as f64 / f64::from(1u32 << 25)
    }

    /// Altitude type: 0 none, 1 meters, 2 floors.
    pub fn altitude_type(&self) -> u8 {
        self.bits(80, 4) as u8
    }

    /// Altitude uncertainty (6 bits).
    pub fn altitude_uncertainty(&self) -> u8 {
        self.bits(84, 6) as u8
    }

    /// Altitude (30-bit fixed point, 8 fraction bits).
    pub fn altitude(&self) -> f64 {
        self.signed(90, 30) as f64 / 256.0
    }

    /// Version (2 bits): 1 for RFC 6225.
    pub fn version(&self) -> u8 {
        self.bits(120, 2) as u8
    }

    /// Datum (3 bits): 1 WGS84, 2 NAD83+NAVD88, 3 NAD83+MLLW.
    pub fn datum(&self) -> u8 {
        self.bits(125, 3) as u8
    }
}

impl OptionData<'_> for GeoLocation {
    const LENGTH: Length = Length::Fixed(16);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        <[u8; 16]>::try_from(data)
            .map(GeoLocation)
            .map_err(|_| invalid_len(code, data, offset, "16 bytes"))
    }
    fn encoded_len(&self) -> usize {
        16
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&self.0);
    }
}

impl fmt::Display for GeoLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let datum = match self.datum() {
            1 => "WGS84",
            2 => "NAD83/NAVD88",
            3 => "NAD83/MLLW",
            _ => "unknown datum",
        };
        write!(
            f,
            "latitude {:.7}, longitude {:.7}",
            self.latitude(),
            self.longitude()
        )?;
        match self.altitude_type() {
            1 => write!(f, ", altitude {} m", self.altitude())?,
            2 => write!(f, ", altitude floor {}", self.altitude())?,
            _ => {}
        }
        write!(f, ", {datum}, version {}", self.version())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for GeoLocation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("latitude", &self.latitude())?;
        m.serialize_entry("latitude_uncertainty", &self.latitude_uncertainty())?;
        m.serialize_entry("longitude", &self.longitude())?;
        m.serialize_entry("longitude_uncertainty", &self.longitude_uncertainty())?;
        m.serialize_entry("altitude_type", &self.altitude_type())?;
        m.serialize_entry("altitude", &self.altitude())?;
        m.serialize_entry("altitude_uncertainty", &self.altitude_uncertainty())?;
        m.serialize_entry("version", &self.version())?;
        m.serialize_entry("datum", &self.datum())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    /// The vector of options 123 and 144 in tests/options.rs: 38.89868 N
    /// 77.03723 W, 15 m, WGS84, version 1; latitude and longitude
    /// uncertainty 18 (0b010010, the top 6 bits of bytes 0 and 5).
    const WHITE_HOUSE: [u8; 16] = [
        0x48, 0x4d, 0xcc, 0x1f, 0xc9, 0x4b, 0x65, 0xec, 0xf0, 0x30, 0x10, 0x00, 0x00, 0x0f, 0x00,
        0x41,
    ];

    #[test]
    fn each_field_is_read_from_its_bits() {
        let g = GeoLocation(WHITE_HOUSE);
        assert_eq!(g.latitude_uncertainty(), 18);
        assert!((g.latitude() - 38.89868).abs() < 1e-6);
        assert_eq!(g.longitude_uncertainty(), 18);
        assert!((g.longitude() + 77.03723).abs() < 1e-6);
        assert_eq!(g.altitude_type(), 1);
        assert_eq!(g.altitude_uncertainty(), 0);
        assert_eq!(g.altitude(), 15.0);
        assert_eq!(g.version(), 1);
        assert_eq!(g.datum(), 1);
        // Every bit of the three uncertainties set, nothing else.
        let mut unc = [0u8; 16];
        unc[0] = 0xfc;
        unc[5] = 0xfc;
        unc[10] = 0x0f;
        unc[11] = 0xc0;
        let g = GeoLocation(unc);
        assert_eq!(
            (
                g.latitude_uncertainty(),
                g.longitude_uncertainty(),
                g.altitude_uncertainty()
            ),
            (63, 63, 63)
        );
        assert_eq!((g.latitude(), g.longitude(), g.altitude()), (0.0, 0.0, 0.0));
        // Version 0 (RFC 3825's format), datum 2: 0b00_000_010.
        let mut v0 = WHITE_HOUSE;
        v0[15] = 0x02;
        assert_eq!((GeoLocation(v0).version(), GeoLocation(v0).datum()), (0, 2));
    }

    #[test]
    fn display_names_the_altitude_type_and_datum() {
        let with = |at: u8, datum: u8| {
            let mut b = WHITE_HOUSE;
            b[10] = at << 4;
            b[15] = 0x40 | datum;
            format!("{}", GeoLocation(b))
        };
        let place = "latitude 38.8986800, longitude -77.0372300";
        assert_eq!(
            with(1, 1),
            format!("{place}, altitude 15 m, WGS84, version 1")
        );
        assert_eq!(
            with(2, 2),
            format!("{place}, altitude floor 15, NAD83/NAVD88, version 1")
        );
        assert_eq!(with(0, 3), format!("{place}, NAD83/MLLW, version 1"));
        assert_eq!(with(3, 0), format!("{place}, unknown datum, version 1"));
        let mut v0 = WHITE_HOUSE;
        v0[15] = 0x01;
        assert_eq!(
            format!("{}", GeoLocation(v0)),
            format!("{place}, altitude 15 m, WGS84, version 0")
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_has_every_field() {
        let v = serde_json::to_value(GeoLocation(WHITE_HOUSE)).unwrap();
        let field = |k: &str| v[k].as_f64().unwrap();
        assert!((field("latitude") - 38.89868).abs() < 1e-6);
        assert!((field("longitude") + 77.03723).abs() < 1e-6);
        assert_eq!(v["latitude_uncertainty"], 18);
        assert_eq!(v["longitude_uncertainty"], 18);
        assert_eq!(v["altitude_type"], 1);
        assert_eq!(v["altitude"], 15.0);
        assert_eq!(v["altitude_uncertainty"], 0);
        assert_eq!(v["version"], 1);
        assert_eq!(v["datum"], 1);
        assert_eq!(v.as_object().unwrap().len(), 9);
    }
}
