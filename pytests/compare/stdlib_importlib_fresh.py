# importlib imported afresh (test.support.import_fresh_module, test_importlib.util) while
# the first copy is in use: the fresh _bootstrap_external half-loaded in sys.modules
import sys
from test.support import import_helper
import importlib
source = import_helper.import_fresh_module('importlib', blocked=('_frozen_importlib', '_frozen_importlib_external'))
print(source is not None, source is not importlib)
print(callable(source.import_module), source._bootstrap_external.__name__)
import json
print(json.dumps([1]))
