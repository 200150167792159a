from __future__ import annotations

from pipeline.patterns import code_share


def test_code_share_tells_code_from_prose() -> None:
    prose = "The minister said the talks would resume in the spring. " * 5
    code = "Call os.path.join() or set max_retries = 3 in the config_file. " * 5
    assert code_share(prose) == 0.0
    assert code_share(code) == 1.0
