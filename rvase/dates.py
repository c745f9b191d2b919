"""Dates known to the day, the month or only the year."""

import calendar
import datetime
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError for an impossible date."""
        parts = [int(p) for p in text.split("-")]
        date = cls(*parts)
        if date.month is not None and not 1 <= date.month <= 12:
            raise ValueError(text)
        if date.day is not None:
            datetime.date(date.year, date.month or 0, date.day)  # a day without a month cannot be written
        return date

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        if self.day and self.month:
            return datetime.date(self.year, self.month, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{v:02d}" for v in (self.month, self.day) if v is not None])

    def sort_key(self) -> tuple:
        return (self.year, self.month or 0, self.day or 0)
