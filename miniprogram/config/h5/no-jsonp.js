// Stands in for Taro's JSONP client in the H5 build: the app never asks Taro.request for JSONP.
export default function jsonp() {
  return Promise.reject(new Error('JSONP is not supported in this app'));
}
